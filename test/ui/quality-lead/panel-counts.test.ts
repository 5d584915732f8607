import { describe, expect, it } from 'vitest';
import { dataQuality } from '../../../src/measures/panel-data-quality';
import { payerMix } from '../../../src/measures/panel-payer-mix';
import { row } from './panel-rows';

const A = 'Practitioner/a';
const B = 'Practitioner/b';
const rows = [
  row('p1', 'out', { race: '2054-5', ethnicity: '2186-5', language: 'en', practitioner: A, payer: 'medicaid' }),
  row('p2', 'out', { race: 'ASKU', ethnicity: 'UNK', language: 'es', practitioner: A, payer: 'uninsured' }),
  row('p3', 'num', { race: 'absent', ethnicity: '2135-2', language: 'absent', practitioner: B, payer: 'private' }),
  row('p4', 'den', { race: 'UNK', ethnicity: 'absent', language: 'en', practitioner: A, payer: 'absent' }),
];

describe('REAL data quality', () => {
  it('puts every patient in one state per field, counts complete records and self-reports, overall and by practitioner', () => {
    const selfReports = new Map([['p2', new Set(['race', 'language'] as const)]]);
    const { overall, byPractitioner } = dataQuality(rows, selfReports);
    expect(overall.patients).toBe(4);
    expect(overall.fields.race).toEqual({ recorded: 1, declined: 1, unknown: 1, absent: 1, selfReported: 1 });
    expect(overall.fields.ethnicity).toEqual({ recorded: 2, declined: 0, unknown: 1, absent: 1, selfReported: 0 });
    expect(overall.fields.language).toMatchObject({ recorded: 3, absent: 1, selfReported: 1 });
    expect(overall.complete).toBe(1);
    expect(overall.anySelfReport).toBe(1);
    expect(byPractitioner.map((g) => [g.key, g.patients])).toEqual([
      [A, 3],
      [B, 1],
    ]);
  });

  it('says self-reports are unknown, not zero, when they could not be read; filters apply', () => {
    const { overall } = dataQuality(rows, undefined, { keys: { practitioner: B } });
    expect(overall.patients).toBe(1);
    expect(overall.anySelfReport).toBeUndefined();
    expect(overall.fields.race.selfReported).toBeUndefined();
  });
});

describe('payer mix', () => {
  it('gives Medicaid and uninsured shares of all patients, and keeps "no coverage on record" apart', () => {
    const { overall, byPractitioner } = payerMix(rows);
    expect(overall).toMatchObject({ patients: 4, medicaid: 1, uninsured: 1, noCoverage: 1 });
    expect(overall.medicaidShare).toBe(0.25);
    const a = byPractitioner.find((g) => g.key === A);
    expect(a).toMatchObject({ patients: 3, medicaid: 1, uninsured: 1, noCoverage: 1 });
    expect(a?.uninsuredShare).toBeCloseTo(1 / 3);
  });
});
