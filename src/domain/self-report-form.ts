import cdcNames from './self-report-cdc-names.json';
import { ETHNICITY_CATEGORIES, OMB_1997, OMB_2024, rollUp, type RaceScheme } from './race-scheme';
import type { SelfReportField } from './self-report-answers';

/** Which OMB standard the form follows: 1997 (two questions, US Core today) or the 2024 revision (one question). */
export type SelfReportStandard = 'omb-1997' | 'omb-2024';

/** A race or ethnicity question of the form, as data. */
export interface CodedQuestion {
  /** Where the answer lives in `SelfReportAnswers`. */
  readonly id: 'race' | 'ethnicity';
  /** The QuestionnaireResponse item's linkId. */
  readonly linkId: string;
  /** The main choices, in display order (the scheme's categories); detailed codes roll up to one of them. */
  readonly scheme: RaceScheme;
  /** Tick all that apply, or pick one. */
  readonly selectMany: boolean;
  /** The Patient fields the answer is written to. */
  readonly fields: readonly SelfReportField[];
}

/** The form for one standard. */
export interface SelfReportForm {
  readonly standard: SelfReportStandard;
  readonly questions: readonly CodedQuestion[];
}

const ETHNICITY_SCHEME: RaceScheme = {
  id: 'ethnicity',
  categories: ETHNICITY_CATEGORIES,
  reparent: {},
  hispanicAsCategory: false,
};

/**
 * The forms, as data. Under the 2024 standard one question asks race and ethnicity together and adds Middle Eastern
 * or North African; the answer is still written as the two US Core extensions (see `self-report-patient.ts`).
 */
export const SELF_REPORT_FORMS: Readonly<Record<SelfReportStandard, SelfReportForm>> = {
  'omb-1997': {
    standard: 'omb-1997',
    questions: [
      { id: 'race', linkId: 'race', scheme: OMB_1997, selectMany: true, fields: ['race'] },
      { id: 'ethnicity', linkId: 'ethnicity', scheme: ETHNICITY_SCHEME, selectMany: false, fields: ['ethnicity'] },
    ],
  },
  'omb-2024': {
    standard: 'omb-2024',
    questions: [
      { id: 'race', linkId: 'race-ethnicity', scheme: OMB_2024, selectMany: true, fields: ['race', 'ethnicity'] },
    ],
  },
};

/** Reads a standard from configuration text; anything else is the 1997 standard US Core uses today. */
export function selfReportStandard(value: unknown): SelfReportStandard {
  return value === 'omb-2024' ? 'omb-2024' : 'omb-1997';
}

const NAMES: Readonly<Record<string, string>> = cdcNames;

/** Plainer English for CDC display names that are misspelt or name a place instead of people. */
const ENGLISH_FIXES: Readonly<Record<string, string>> = {
  '2127-9': 'Israeli',
  '2140-2': 'Castilian',
  '2142-8': 'Balearic Islander',
  '2052-9': 'Malagasy',
  '2126-1': 'Afghan',
  '2166-7': 'Argentine',
  '2070-1': 'Dominica Islander',
};

/** The English name of a CDC race or ethnicity code (the CDC display, spelling fixed), or the code itself. */
export function cdcEnglishName(code: string): string {
  return ENGLISH_FIXES[code] ?? NAMES[code] ?? code;
}

/** Whether the code is a CDC race or ethnicity code the app has a name for. */
export function isNamedCdcCode(code: string): boolean {
  return code in NAMES;
}

/** A detailed group the patient can add, with the category it rolls up to. */
export interface DetailedOption {
  readonly code: string;
  readonly category: string;
}

const detailedMemo = new WeakMap<CodedQuestion, readonly DetailedOption[]>();

/**
 * Every CDC code that rolls up to one of the question's categories (other than the categories themselves), in code
 * order. `2131-1` Other Race rolls up to none and is not offered.
 */
export function detailedOptions(question: CodedQuestion): readonly DetailedOption[] {
  const hit = detailedMemo.get(question);
  if (hit !== undefined) return hit;
  const categories = question.scheme.categories;
  const options: DetailedOption[] = [];
  for (const code of Object.keys(NAMES)) {
    if (categories.includes(code)) continue;
    const category = categoryOf(question, code);
    if (category !== undefined) options.push({ code, category });
  }
  detailedMemo.set(question, options);
  return options;
}

/** The question's category a code rolls up to (itself when it is one), or undefined. */
export function categoryOf(question: CodedQuestion, code: string): string | undefined {
  return rollUp(code, question.scheme.categories, question.scheme);
}

/**
 * Puts a question's codes in canonical form: unknown codes dropped, the category of every detailed code added,
 * duplicates removed; categories first in the question's order, then detailed codes as given. A pick-one question
 * keeps only the first category and the detailed codes under it.
 */
export function normalizeCodes(question: CodedQuestion, codes: readonly string[]): string[] {
  const categories = new Set<string>();
  const detailed: string[] = [];
  for (const code of codes) {
    const category = categoryOf(question, code);
    if (category === undefined) continue;
    categories.add(category);
    if (category !== code && !detailed.includes(code)) detailed.push(code);
  }
  let ordered = question.scheme.categories.filter((c) => categories.has(c));
  if (!question.selectMany) ordered = ordered.slice(0, 1);
  const kept = detailed.filter((code) => ordered.includes(categoryOf(question, code) ?? ''));
  return [...ordered, ...kept];
}
