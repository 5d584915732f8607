import { ethnicityOf } from '../../../domain/ethnicity';
import { interpreterNeededOf } from '../../../domain/interpreter';
import { languageOf } from '../../../domain/language';
import { raceOf } from '../../../domain/race';
import { stratumLabel } from '../../../domain/stratum-labels';
import type { RealFieldId, SelfReportDays } from './self-report-evidence';

/** How a REAL field stands in the record. */
export type RealState = 'recorded' | 'missing' | 'unknown' | 'declined';

export interface RealFieldStatus {
  readonly id: RealFieldId;
  readonly label: string;
  /** What the record says, in words ("Not recorded" when missing). */
  readonly value: string;
  readonly state: RealState;
  /** The day the patient last self-reported it; undefined when there is no sign they did. */
  readonly selfReported: string | undefined;
}

function stateOf(key: string): RealState {
  if (key === 'absent') return 'missing';
  if (key === 'ASKU') return 'declined';
  if (key === 'UNK') return 'unknown';
  return 'recorded';
}

const LABELS: Readonly<Record<RealFieldId, string>> = {
  race: 'Race',
  ethnicity: 'Ethnicity',
  language: 'Preferred language',
  interpreter: 'Interpreter needed',
};

/** Race, ethnicity, preferred language and interpreter need as recorded, each flagged and dated if self-reported. */
export function realDataStatus(patient: unknown, selfReports: SelfReportDays): RealFieldStatus[] {
  const race = raceOf(patient).value;
  const ethnicity = ethnicityOf(patient).value;
  const language = languageOf(patient).value;
  const interpreter = interpreterNeededOf(patient).value;
  const values: Readonly<Record<RealFieldId, { key: string; value: string }>> = {
    race: {
      key: race.key,
      value:
        race.categories.length > 0
          ? race.categories.map((code) => stratumLabel('race', code)).join(', ')
          : stratumLabel('race', race.key),
    },
    ethnicity: { key: ethnicity, value: stratumLabel('ethnicity', ethnicity) },
    language: { key: language, value: stratumLabel('language', language) },
    interpreter: {
      key: interpreter,
      value: interpreter === 'UNK' ? 'Unknown' : stratumLabel('interpreter', interpreter),
    },
  };
  return (['race', 'ethnicity', 'language', 'interpreter'] as const).map((id) => ({
    id,
    label: LABELS[id],
    value: values[id].value,
    state: stateOf(values[id].key),
    selfReported: selfReports.get(id),
  }));
}

/** Whether any field needs the patient's own answer: missing, unknown, declined, or never self-reported. */
export function needsSelfReport(fields: readonly RealFieldStatus[]): boolean {
  return fields.some((field) => field.state !== 'recorded' || field.selfReported === undefined);
}
