import { z } from 'zod';

const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';
const RACE_URL = `${US_CORE}us-core-race`;
const ETHNICITY_URL = `${US_CORE}us-core-ethnicity`;

const coding = z.object({ code: z.string().optional(), display: z.string().optional() });
const subExtension = z.object({ url: z.string(), valueString: z.string().optional(), valueCoding: coding.optional() });
const patientSchema = z.object({
  resourceType: z.literal('Patient'),
  id: z.string(),
  name: z
    .array(
      z.object({
        use: z.string().optional(),
        text: z.string().optional(),
        family: z.string().optional(),
        given: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  gender: z.string().optional(),
  birthDate: z.string().optional(),
  extension: z.array(z.object({ url: z.string(), extension: z.array(subExtension).optional() })).optional(),
  communication: z
    .array(
      z.object({
        language: z.object({ text: z.string().optional(), coding: z.array(coding).optional() }),
        preferred: z.boolean().optional(),
      }),
    )
    .optional(),
  generalPractitioner: z
    .array(z.object({ reference: z.string().optional(), display: z.string().optional() }))
    .optional(),
});

type PatientShape = z.infer<typeof patientSchema>;

/** What the launch page shows about one patient. */
export interface PatientRow {
  readonly id: string;
  readonly name: string;
  /** Whole years at the sandbox's reference date; absent without a usable birth date. */
  readonly age?: number;
  readonly sex: string;
  readonly race: string;
  readonly ethnicity: string;
  readonly language: string;
  /** The general practitioner (`Practitioner/…`), if any, and its display name when the reference carries one. */
  readonly practitioner?: { readonly reference: string; readonly display?: string };
}

const NOT_RECORDED = 'Not recorded';

function displayName(patient: PatientShape): string {
  const names = patient.name ?? [];
  const name = names.find((n) => n.use === 'official') ?? names.find((n) => n.use !== 'old') ?? names[0];
  if (!name) return '(no name)';
  const parts = [...(name.given ?? []), name.family ?? ''].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' ') : (name.text ?? '(no name)');
}

// US Core race and ethnicity carry a required `text` sub-extension; fall back to the OMB codings' displays.
function categoryText(patient: PatientShape, url: string): string {
  const extension = patient.extension?.find((e) => e.url === url);
  if (!extension) return NOT_RECORDED;
  const parts = extension.extension ?? [];
  const text = parts.find((p) => p.url === 'text')?.valueString;
  if (text !== undefined && text !== '') return text;
  const displays = parts
    .filter((p) => p.url === 'ombCategory')
    .map((p) => p.valueCoding?.display ?? p.valueCoding?.code);
  const known = displays.filter((d): d is string => d !== undefined);
  return known.length > 0 ? known.join(', ') : NOT_RECORDED;
}

// The preferred communication wins over the first one (STANDARDS.md: never just read communication[0]).
function languageText(patient: PatientShape): string {
  const all = patient.communication ?? [];
  const chosen = all.find((c) => c.preferred === true) ?? all[0];
  if (!chosen) return NOT_RECORDED;
  const first = chosen.language.coding?.[0];
  return chosen.language.text ?? first?.display ?? languageName(first?.code) ?? NOT_RECORDED;
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  try {
    return LANGUAGE_NAMES.of(code);
  } catch {
    // Not a well-formed BCP-47 tag: show it as recorded.
    return code;
  }
}

/** Age in whole years on `asOf` (YYYY-MM-DD), from a FHIR date of any precision down to the year. */
export function ageOn(birthDate: string | undefined, asOf: string): number | undefined {
  const born = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate ?? '');
  const on = /^(\d{4})-(\d{2})-(\d{2})/.exec(asOf);
  if (!born || !on) return undefined;
  const [by, bm = '01', bd = '01'] = born.slice(1);
  const [oy, om, od] = on.slice(1);
  let age = Number(oy) - Number(by);
  if (`${om}-${od}` < `${bm}-${bd}`) age -= 1;
  return age >= 0 ? age : undefined;
}

/** Maps a Patient resource to a launch-page row; `undefined` when it is not a Patient. */
export function toPatientRow(resource: unknown, asOf: string): PatientRow | undefined {
  const parsed = patientSchema.safeParse(resource);
  if (!parsed.success) return undefined;
  const patient = parsed.data;
  const gp = patient.generalPractitioner?.find((r) => r.reference?.startsWith('Practitioner/') === true);
  const age = ageOn(patient.birthDate, asOf);
  return {
    id: patient.id,
    name: displayName(patient),
    ...(age === undefined ? {} : { age }),
    sex: patient.gender ?? NOT_RECORDED,
    race: categoryText(patient, RACE_URL),
    ethnicity: categoryText(patient, ETHNICITY_URL),
    language: languageText(patient),
    ...(gp?.reference === undefined
      ? {}
      : { practitioner: { reference: gp.reference, ...(gp.display === undefined ? {} : { display: gp.display }) } }),
  };
}
