import type { DimensionId } from '../../../src/domain/dimensions';
import type { PanelRow } from '../../../src/measures/panel-filters';
import type { EvidenceRow } from '../../../src/measures/panel-outreach';
import type { MeasureEvidence } from '../../../src/measures/patient-measure-result';
import type { Populations } from '../../../src/measures/types';

/** Population flags by name: `ip` only, `den` (in the denominator), `num` (and the numerator), `excl` (excluded). */
export function populations(kind: 'out' | 'ip' | 'den' | 'num' | 'excl'): Populations {
  const den = kind === 'den' || kind === 'num' || kind === 'excl';
  return {
    initialPopulation: kind !== 'out',
    denominator: den,
    denominatorExclusion: kind === 'excl',
    denominatorException: false,
    numerator: kind === 'num',
  };
}

/** A panel row with the given strata (others absent). */
export function row(
  patientId: string,
  kind: 'out' | 'ip' | 'den' | 'num' | 'excl',
  strata: Partial<Record<DimensionId, string>>,
  age: number | null = 50,
): PanelRow {
  return { patientId, ageAtPeriodEnd: age, populations: populations(kind), strata };
}

const NO_EVIDENCE: MeasureEvidence = {
  population: { missing: [], diagnosisIds: [], encounterIds: [] },
  exclusions: [],
  outcome: null,
  closeGap: [],
};

/** A row with blood-pressure evidence (`day` null: no reading in the period). */
export function bpRow(base: PanelRow, day: string | null, systolic?: number, diastolic?: number): EvidenceRow {
  return {
    ...base,
    evidence: {
      ...NO_EVIDENCE,
      outcome: {
        kind: 'blood-pressure',
        mostRecentDay: day,
        dayInPeriod: day === null ? null : true,
        readingIds: [],
        lowestSystolic: systolic === undefined ? null : { observationId: 'o1', value: systolic },
        lowestDiastolic: diastolic === undefined ? null : { observationId: 'o1', value: diastolic },
        incompleteReadingIds: [],
        excludedReadings: [],
      },
    },
  };
}

/** A row with glycemic evidence (`percent` undefined: no test in the period). */
export function a1cRow(base: PanelRow, day?: string, percent?: number): EvidenceRow {
  return {
    ...base,
    evidence: {
      ...NO_EVIDENCE,
      outcome: {
        kind: 'glycemic-status',
        assessmentIds: [],
        mostRecent:
          day === undefined || percent === undefined
            ? null
            : {
                observationId: 'a1',
                day,
                test: 'hba1c',
                percent,
                original: { value: percent, unit: '%' },
                result: percent > 9 ? 'elevated' : 'not-elevated',
              },
      },
    },
  };
}

/** Outside every population, no evidence. */
export function plain(base: PanelRow): EvidenceRow {
  return { ...base, evidence: NO_EVIDENCE };
}
