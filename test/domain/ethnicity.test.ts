import { describe, expect, it } from 'vitest';
import { ethnicityOf } from '../../src/domain/ethnicity';
import { withEthnicity } from './patients';

describe('ethnicityOf', () => {
  it('reads the two OMB codes', () => {
    expect(ethnicityOf(withEthnicity(['ombCategory', '2135-2'])).value).toBe('2135-2');
    expect(ethnicityOf(withEthnicity(['ombCategory', '2186-5'])).value).toBe('2186-5');
  });

  it('rolls detailed ethnicity codes up (Puerto Rican, Salvadoran → Hispanic or Latino)', () => {
    expect(ethnicityOf(withEthnicity(['detailed', '2180-8'])).value).toBe('2135-2');
    expect(ethnicityOf(withEthnicity(['detailed', '2161-8'])).value).toBe('2135-2');
  });

  it('keeps ASKU, UNK and absent', () => {
    expect(ethnicityOf(withEthnicity(['ombCategory', 'ASKU'])).value).toBe('ASKU');
    expect(ethnicityOf(withEthnicity(['ombCategory', 'UNK'])).value).toBe('UNK');
    expect(ethnicityOf({ resourceType: 'Patient' }).value).toBe('absent');
  });

  it('treats a contradiction as UNK with a warning', () => {
    const mapped = ethnicityOf(withEthnicity(['ombCategory', '2135-2'], ['ombCategory', '2186-5']));
    expect(mapped.value).toBe('UNK');
    expect(mapped.warnings).toHaveLength(1);
  });
});
