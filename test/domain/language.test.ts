import { describe, expect, it } from 'vitest';
import { languageOf } from '../../src/domain/language';

const comm = (code: string, preferred?: boolean): object => ({
  language: { coding: [{ system: 'urn:ietf:bcp:47', code }] },
  ...(preferred === undefined ? {} : { preferred }),
});

describe('languageOf', () => {
  it('uses the preferred communication, not the first', () => {
    expect(languageOf({ communication: [comm('en'), comm('es', true)] }).value).toBe('es');
  });

  it('uses the first communication when none is preferred', () => {
    expect(languageOf({ communication: [comm('vi'), comm('en')] }).value).toBe('vi');
  });

  it('keeps only the lower-case primary subtag (en-US → en, ZH-Hant → zh)', () => {
    expect(languageOf({ communication: [comm('en-US')] }).value).toBe('en');
    expect(languageOf({ communication: [comm('ZH-Hant')] }).value).toBe('zh');
  });

  it('is absent without communication and UNK with a warning for an unusable tag', () => {
    expect(languageOf({ resourceType: 'Patient' }).value).toBe('absent');
    const mapped = languageOf({ communication: [{ language: { text: 'Spanish' } }] });
    expect(mapped.value).toBe('UNK');
    expect(mapped.warnings).toHaveLength(1);
  });
});
