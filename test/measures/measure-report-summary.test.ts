import type { MeasureReportGroupStratifierStratum } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { toSummaryMeasureReport } from '../../src/measures/measure-report-summary';
import { StratificationAccumulator } from '../../src/measures/stratification-accumulator';
import { finishStratification } from '../../src/measures/stratification-report';
import { group } from './stratification-fixtures';

function build() {
  const acc = new StratificationAccumulator([['race'], ['race', 'language']]);
  for (const p of [
    ...group(40, 10, { race: '2106-3', language: 'en' }),
    ...group(30, 12, { race: 'ASKU', language: 'es' }),
    ...group(20, 9, { race: 'absent', language: 'en' }),
    ...group(4, 3, { race: '2028-9', language: 'vi' }),
  ])
    acc.add(p);
  const report = finishStratification(acc, { improvementNotation: 'decrease' });
  return toSummaryMeasureReport(report, {
    measure: 'https://madie.cms.gov/Measure/CMS122FHIRDiabetesAssessGreaterThan9Percent',
    period: { start: '2026-01-01', end: '2026-12-31' },
    populations: ['initial-population', 'denominator', 'denominator-exclusion', 'numerator'],
  });
}
const valueOf = (s: MeasureReportGroupStratifierStratum | undefined) => s?.value?.coding?.[0];

describe('toSummaryMeasureReport', () => {
  const mr = build();
  const [g] = mr.group ?? [];

  it('is a summary MeasureReport with the group counts, score and improvement notation', () => {
    expect(mr).toMatchObject({ resourceType: 'MeasureReport', type: 'summary', status: 'complete' });
    expect(mr.improvementNotation?.coding?.[0]?.code).toBe('decrease');
    expect(g?.population?.map((p) => [p.code?.coding?.[0]?.code, p.count])).toEqual([
      ['initial-population', 94],
      ['denominator', 94],
      ['denominator-exclusion', 0],
      ['numerator', 34],
    ]);
    expect(g?.measureScore?.value).toBe(34 / 94);
  });

  it('codes each stratum value in its own system and the stratifier in the app system', () => {
    const race = g?.stratifier?.[0];
    expect(race?.code?.[0]?.coding?.[0]).toMatchObject({
      system: 'https://equity-lens.example.org/CodeSystem/stratifier',
      code: 'race',
    });
    const systems: Record<string, string | undefined> = Object.fromEntries(
      (race?.stratum ?? []).map((s) => [valueOf(s)?.code ?? '', valueOf(s)?.system]),
    );
    expect(systems).toMatchObject({
      '2106-3': 'urn:oid:2.16.840.1.113883.6.238',
      ASKU: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
      absent: 'https://equity-lens.example.org/CodeSystem/stratum',
    });
  });

  it('shows no counts or score for a suppressed stratum, only the suppression flag', () => {
    const asian = g?.stratifier?.[0]?.stratum?.find((s) => valueOf(s)?.code === '2028-9');
    expect(asian?.population).toBeUndefined();
    expect(asian?.measureScore).toBeUndefined();
    expect(asian?.extension?.[0]?.valueCode).toBe('small-cell');
  });

  it('writes intersections as components', () => {
    const stratum = g?.stratifier?.[1]?.stratum?.[0];
    expect(stratum?.value).toBeUndefined();
    expect(stratum?.component?.map((c) => c.code.coding?.[0]?.code)).toEqual(['race', 'language']);
    expect(stratum?.component?.[1]?.value.coding?.[0]?.system).toBe('urn:ietf:bcp:47');
  });
});
