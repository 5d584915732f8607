/** Every dimension the engine can stratify by, as data (for zod enums and command-line parsing). */
export const DIMENSION_IDS = [
  'race',
  'race-combined',
  'ethnicity',
  'language',
  'interpreter',
  'sex',
  'age-band',
  'payer',
  'food-insecurity',
  'practitioner',
  'zip',
] as const;

/** A demographic or social dimension the engine can stratify by. */
export type DimensionId = (typeof DIMENSION_IDS)[number];

/** What the UI, the reports and the suppression logic need to know about a dimension. */
export interface DimensionInfo {
  readonly id: DimensionId;
  /** English label for column headers. */
  readonly label: string;
  /**
   * A patient may sit in several strata (race "alone or in combination"), so its strata overlap and do not sum
   * to the total.
   */
  readonly multiValued: boolean;
}

/** Every dimension, in display order. */
export const DIMENSIONS: readonly DimensionInfo[] = [
  { id: 'race', label: 'Race', multiValued: false },
  { id: 'race-combined', label: 'Race (alone or in combination)', multiValued: true },
  { id: 'ethnicity', label: 'Ethnicity', multiValued: false },
  { id: 'language', label: 'Preferred language', multiValued: false },
  { id: 'interpreter', label: 'Interpreter needed', multiValued: false },
  { id: 'sex', label: 'Sex (administrative gender)', multiValued: false },
  { id: 'age-band', label: 'Age band', multiValued: false },
  { id: 'payer', label: 'Payer', multiValued: false },
  { id: 'food-insecurity', label: 'Food insecurity (Hunger Vital Sign)', multiValued: false },
  { id: 'practitioner', label: 'Primary care practitioner', multiValued: false },
  { id: 'zip', label: 'ZIP code', multiValued: false },
];

const BY_ID: ReadonlyMap<string, DimensionInfo> = new Map(DIMENSIONS.map((d) => [d.id, d]));

/** Whether a string names a dimension (for command-line and URL input). */
export function isDimensionId(value: string): value is DimensionId {
  return BY_ID.has(value);
}

/** The metadata of a dimension. */
export function dimensionInfo(id: DimensionId): DimensionInfo {
  const info = BY_ID.get(id);
  if (info === undefined) throw new Error(`unknown dimension ${id}`);
  return info;
}

/**
 * Keys meaning "we do not know" (declined, unknown, not recorded). They are always strata of their own, but never
 * the "best-performing" reference group.
 */
export const UNINFORMATIVE_KEYS: ReadonlySet<string> = new Set(['ASKU', 'UNK', 'absent', 'not-screened']);
