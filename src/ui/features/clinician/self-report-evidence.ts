import { z } from 'zod';
import { fhirDay } from '../../../domain/fhir-day';
import { isRacismPromptCanonical } from '../../../domain/racism-prompt-response';
import type { SelfReportField } from '../../../domain/self-report-answers';
import { isSelfReportProvenance, selfReportedFields } from '../../../domain/self-report-provenance';

/** The REAL data fields the clinician view reports on. */
export const REAL_FIELDS = ['race', 'ethnicity', 'language', 'interpreter'] as const;
export type RealFieldId = (typeof REAL_FIELDS)[number];

/** The latest day each field was self-reported by the patient. */
export type SelfReportDays = ReadonlyMap<RealFieldId, string>;

const referenceSchema = z.looseObject({ reference: z.string().optional() });
const responseSchema = z.looseObject({
  resourceType: z.literal('QuestionnaireResponse'),
  questionnaire: z.string().optional(),
  status: z.string(),
  authored: z.string().optional(),
  author: referenceSchema.optional(),
  source: referenceSchema.optional(),
  item: z.array(z.looseObject({ linkId: z.string() })).optional(),
});

/** Whether a reference (relative, absolute, or version-specific) points at `Patient/<id>`. */
function isPatient(reference: string | undefined, patientId: string): boolean {
  if (reference === undefined) return false;
  const match = /(?:^|\/)Patient\/([^/]+)(?:\/_history\/[^/]+)?$/.exec(reference);
  return match?.[1] === patientId;
}

const FIELD_IN_LINK_ID: readonly [RegExp, RealFieldId][] = [
  [/race/i, 'race'],
  [/ethnic/i, 'ethnicity'],
  [/interpreter/i, 'interpreter'],
  [/language/i, 'language'],
];

function later(days: Map<RealFieldId, string>, field: RealFieldId, day: string): void {
  const known = days.get(field);
  if (known === undefined || day > known) days.set(field, day);
}

const FIELD: Readonly<Record<SelfReportField, RealFieldId>> = {
  race: 'race',
  ethnicity: 'ethnicity',
  language: 'language',
  'interpreter-needed': 'interpreter',
};

/**
 * When the patient last self-reported each REAL field, from two kinds of evidence:
 * - the self-report Provenance the patient's form writes (`src/domain/self-report-provenance.ts`: activity
 *   `self-reported`, the patient as agent and target), for the fields it names;
 * - a QuestionnaireResponse the patient wrote (`author` or `source` = the patient), for the fields its item linkIds
 *   name (`race…`, `ethnic…`, `language…`, `interpreter…`), so answers recorded by other patient-facing tools count
 *   too; the app's own racism prompt is not a self-report.
 *
 * A Provenance recorded by staff, or without the self-report activity, is not self-report, whatever it says.
 */
export function selfReportDays(
  patientId: string,
  provenances: readonly unknown[],
  responses: readonly unknown[],
): SelfReportDays {
  const days = new Map<RealFieldId, string>();
  for (const provenance of provenances) {
    if (!isSelfReportProvenance(provenance, patientId)) continue;
    const recorded = z.object({ recorded: z.string() }).safeParse(provenance);
    const day = recorded.success ? fhirDay(recorded.data.recorded) : undefined;
    if (day === undefined) continue;
    for (const field of selfReportedFields(provenance)) later(days, FIELD[field], day);
  }
  for (const raw of responses) {
    const parsed = responseSchema.safeParse(raw);
    if (!parsed.success) continue;
    const response = parsed.data;
    if (response.status !== 'completed' && response.status !== 'amended') continue;
    if (response.questionnaire !== undefined && isRacismPromptCanonical(response.questionnaire)) continue;
    if (!isPatient(response.author?.reference, patientId) && !isPatient(response.source?.reference, patientId))
      continue;
    const day = response.authored === undefined ? undefined : fhirDay(response.authored);
    if (day === undefined) continue;
    for (const item of response.item ?? []) {
      for (const [pattern, field] of FIELD_IN_LINK_ID) if (pattern.test(item.linkId)) later(days, field, day);
    }
  }
  return days;
}
