/**
 * What a patient answers on the self-report form, in the app's own shape (codes, not FHIR). An answer left
 * `undefined` means "not answered": the record keeps what it has.
 */

/** The Patient fields a self-report can touch (also the values of the Provenance's field extension). */
export const SELF_REPORT_FIELDS = ['race', 'ethnicity', 'language', 'interpreter-needed'] as const;
export type SelfReportField = (typeof SELF_REPORT_FIELDS)[number];

/**
 * An answer to a race or ethnicity question: CDC codes (the categories ticked and any detailed groups added), or
 * one of the two null flavors US Core allows, `ASKU` ("prefer not to answer") and `UNK` ("don't know").
 */
export type CodedAnswer =
  { readonly kind: 'codes'; readonly codes: readonly string[] } | { readonly kind: 'ASKU' } | { readonly kind: 'UNK' };

/** The patient's answers. Under the 2024 OMB standard `race` holds the combined race-and-ethnicity answer. */
export interface SelfReportAnswers {
  readonly race?: CodedAnswer | undefined;
  readonly ethnicity?: CodedAnswer | undefined;
  /** A BCP-47 tag (`es`, `zh-Hant`). */
  readonly language?: string | undefined;
  readonly interpreterNeeded?: boolean | undefined;
}

/** The keys of {@link SelfReportAnswers}, in form order. */
export const ANSWER_KEYS = ['race', 'ethnicity', 'language', 'interpreterNeeded'] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];

/** Whether two coded answers say the same thing (codes compared as sets). */
export function sameCodedAnswer(a: CodedAnswer | undefined, b: CodedAnswer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind !== 'codes' || b.kind !== 'codes') return a.kind === b.kind;
  const left = new Set(a.codes);
  const right = new Set(b.codes);
  return left.size === right.size && [...left].every((code) => right.has(code));
}

/** Whether one answer is the same in both sets of answers (language tags compare case-insensitively). */
export function sameAnswer(key: AnswerKey, a: SelfReportAnswers, b: SelfReportAnswers): boolean {
  switch (key) {
    case 'race':
    case 'ethnicity':
      return sameCodedAnswer(a[key], b[key]);
    case 'language':
      return sameLanguage(a.language, b.language);
    case 'interpreterNeeded':
      return a.interpreterNeeded === b.interpreterNeeded;
  }
}

/**
 * Whether two BCP-47 tags name the same answer: equal ignoring case, or a bare language and a regional form of it
 * (`es` and `es-MX`: the form offers `es`, the record may hold `es-MX`).
 */
export function sameLanguage(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x === y) return true;
  const primary = (tag: string): string => tag.split(/[-_]/)[0] ?? tag;
  return (!x.includes('-') || !y.includes('-')) && primary(x) === primary(y);
}

/** The answer keys whose values differ between `before` and `after`. */
export function changedAnswers(before: SelfReportAnswers, after: SelfReportAnswers): AnswerKey[] {
  return ANSWER_KEYS.filter((key) => !sameAnswer(key, before, after));
}

/** Drops empty code lists, so "ticked nothing" reads as "not answered". */
export function withoutEmptyAnswers(answers: SelfReportAnswers): SelfReportAnswers {
  const empty = (a: CodedAnswer | undefined): boolean => a?.kind === 'codes' && a.codes.length === 0;
  return {
    race: empty(answers.race) ? undefined : answers.race,
    ethnicity: empty(answers.ethnicity) ? undefined : answers.ethnicity,
    language: answers.language === '' ? undefined : answers.language,
    interpreterNeeded: answers.interpreterNeeded,
  };
}
