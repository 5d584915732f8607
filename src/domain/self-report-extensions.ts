import { nullFlavorOf } from './null-flavor';
import { readOmbExtension } from './omb-extension';
import { ETHNICITY_CATEGORIES, OMB_1997, rollUp } from './race-scheme';
import type { CodedAnswer } from './self-report-answers';
import { cdcEnglishName } from './self-report-form';
import { isCdcSystemOrNone } from './ethnicity';
import { CDC_RACE_ETHNICITY_SYSTEM, NULL_FLAVOR_SYSTEM, US_CORE_ETHNICITY_URL, US_CORE_RACE_URL } from './systems';

/** A FHIR Extension as the self-report writes it (the shape of `fhir/r4` `Extension`, kept plain for `domain`). */
export interface WrittenExtension {
  readonly url: string;
  readonly extension?: readonly WrittenExtension[];
  readonly valueCoding?: { readonly system: string; readonly code: string; readonly display: string };
  readonly valueString?: string;
}

/** Which US Core extension: race (ombCategory from the five OMB race codes) or ethnicity (the two OMB codes). */
export type OmbKind = 'race' | 'ethnicity';

const OMB_CODES: Readonly<Record<OmbKind, readonly string[]>> = {
  race: OMB_1997.categories,
  ethnicity: ETHNICITY_CATEGORIES,
};
const URLS: Readonly<Record<OmbKind, string>> = { race: US_CORE_RACE_URL, ethnicity: US_CORE_ETHNICITY_URL };

/** v3 NullFlavor displays (the code system's own) and the text the record shows for them. */
const NULL_FLAVORS = {
  ASKU: { display: 'asked but unknown', text: 'Prefer not to answer' },
  UNK: { display: 'unknown', text: 'Unknown' },
} as const;

/**
 * Builds a US Core race or ethnicity extension from an answer (US Core 6: `ombCategory` 0..6 for race, 0..1 for
 * ethnicity, `detailed` 0..*, `text` 1..1):
 * - `ASKU`/`UNK` become the only `ombCategory`, under v3-NullFlavor;
 * - an OMB code is an `ombCategory`; any other CDC code is `detailed`, and the OMB code it rolls up to through the
 *   CDC hierarchy is added to `ombCategory` (so a reader that knows only the OMB codes still counts it);
 * - `text` names what the patient chose, in English, for people reading the record.
 * `textOnly` is the text for an answer that has no code for this extension (the 2024 combined question answered
 * with Hispanic or Latino alone says nothing about race in 1997 terms): then the extension carries only `text`.
 */
export function ombExtension(kind: OmbKind, answer: CodedAnswer, textOnly?: string): WrittenExtension {
  const url = URLS[kind];
  if (answer.kind !== 'codes') {
    const flavor = NULL_FLAVORS[answer.kind];
    return {
      url,
      extension: [
        { url: 'ombCategory', valueCoding: { system: NULL_FLAVOR_SYSTEM, code: answer.kind, display: flavor.display } },
        { url: 'text', valueString: flavor.text },
      ],
    };
  }
  const omb = OMB_CODES[kind];
  const categories = new Set<string>();
  const detailed: string[] = [];
  for (const code of answer.codes) {
    const category = rollUp(code, omb);
    if (category === undefined) continue;
    categories.add(category);
    if (category !== code && !detailed.includes(code)) detailed.push(code);
  }
  const coding = (code: string) => ({ system: CDC_RACE_ETHNICITY_SYSTEM, code, display: cdcEnglishName(code) });
  const parts: WrittenExtension[] = [
    ...omb.filter((c) => categories.has(c)).map((code) => ({ url: 'ombCategory', valueCoding: coding(code) })),
    ...detailed.map((code) => ({ url: 'detailed', valueCoding: coding(code) })),
  ];
  const text = parts.length > 0 ? answer.codes.map(cdcEnglishName).join(', ') : (textOnly ?? 'Unknown');
  return { url, extension: [...parts, { url: 'text', valueString: text }] };
}

/** What a race or ethnicity extension on the record says, as raw parts for the form to interpret. */
export interface RecordedOmb {
  /** Whether the Patient has this extension at all. */
  readonly present: boolean;
  readonly ombCategory: readonly string[];
  readonly detailed: readonly string[];
  /** The stronger null flavor found, if any. */
  readonly nullFlavor: 'ASKU' | 'UNK' | undefined;
}

/** Reads the CDC codes and null flavor of a US Core race or ethnicity extension (codes of other systems dropped). */
export function recordedOmb(patient: unknown, kind: OmbKind): RecordedOmb {
  const ext = readOmbExtension(patient, URLS[kind]);
  let nullFlavor: 'ASKU' | 'UNK' | undefined;
  const cdc = (codings: typeof ext.ombCategory): string[] => {
    const codes: string[] = [];
    for (const coding of codings) {
      const flavor = nullFlavorOf(coding);
      if (flavor !== undefined) nullFlavor = nullFlavor === 'ASKU' ? 'ASKU' : flavor;
      else if (isCdcSystemOrNone(coding.system)) codes.push(coding.code);
    }
    return codes;
  };
  const ombCategory = cdc(ext.ombCategory);
  const detailed = cdc(ext.detailed);
  return { present: ext.count > 0, ombCategory, detailed, nullFlavor };
}
