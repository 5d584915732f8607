import { describe, expect, it } from 'vitest';
import { detailedOptions, SELF_REPORT_FORMS } from '../../../src/domain/self-report-form';
import english from '../../../src/ui/features/patient/messages/en.json';
import spanish from '../../../src/ui/features/patient/messages/es.json';
import { format, LOCALES, messagesFor, parseMessages } from '../../../src/ui/features/patient/self-report-messages';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('message files', () => {
  it('are found without code: every JSON file in messages/ is a language, English first', () => {
    expect(LOCALES.map((m) => m.tag)).toEqual(['en', 'es']);
    expect(messagesFor('es-MX').tag).toBe('es');
    expect(messagesFor('xx').tag).toBe('en');
  });

  it('translate every English key into Spanish, with the same placeholders', () => {
    const es = new Map(Object.entries(spanish.ui));
    for (const [key, text] of Object.entries(english.ui)) {
      const translated = es.get(key);
      expect(typeof translated, key).toBe('string');
      expect(placeholders(translated ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('name every category of both forms, and every non-tribal detailed group, in Spanish', () => {
    const names: Record<string, string> = spanish.categories;
    for (const form of Object.values(SELF_REPORT_FORMS)) {
      for (const question of form.questions) {
        for (const code of question.scheme.categories) expect(names[code], code).toBeTruthy();
        // Tribal and village names (under American Indian or Alaska Native) are proper names, kept as they are.
        for (const option of detailedOptions(question)) {
          if (option.category !== '1002-5') expect(names[option.code], option.code).toBeTruthy();
        }
      }
    }
  });

  it('fall back to English for keys a partial translation lacks, and fill placeholders', () => {
    const partial = parseMessages({ meta: { tag: 'vi', name: 'Tiếng Việt' }, ui: { save: 'Lưu' } });
    expect(partial?.ui.save).toBe('Lưu');
    expect(partial?.ui.tryAgain).toBe('Try again');
    expect(parseMessages({ ui: {} })).toBeUndefined();
    expect(format('Hello, {name}', { name: '<b>' })).toBe('Hello, <b>');
  });
});
