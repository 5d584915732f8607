import { codings, isObject, obj, objects, str, type JsonObject } from './guards';
import { interpreterNeededOf } from './interpreter';
import { primarySubtag } from './language';
import { cdcAncestry } from './race-scheme';
import {
  SELF_REPORT_FIELDS,
  type CodedAnswer,
  type SelfReportAnswers,
  type SelfReportField,
} from './self-report-answers';
import { ombExtension, recordedOmb, type RecordedOmb, type WrittenExtension } from './self-report-extensions';
import {
  categoryOf,
  cdcEnglishName,
  normalizeCodes,
  type CodedQuestion,
  type SelfReportForm,
} from './self-report-form';
import { languageEnglishName } from './self-report-languages';
import { BCP47_SYSTEM, US_CORE_ETHNICITY_URL, US_CORE_INTERPRETER_NEEDED_URL, US_CORE_RACE_URL } from './systems';

const HISPANIC = '2135-2';
const NOT_HISPANIC = '2186-5';
const SNOMED = 'http://snomed.info/sct';
/** SNOMED CT yes/no qualifiers, as the sandbox and many EHRs write the interpreter-needed extension. */
const YES_NO = {
  true: { system: SNOMED, code: '373066001', display: 'Yes (qualifier value)' },
  false: { system: SNOMED, code: '373067005', display: 'No (qualifier value)' },
} as const;

/**
 * What the record says now, in the form's terms, so the patient corrects rather than retypes. A question whose
 * extension is missing (or holds nothing the form can show) is `undefined`.
 */
export function answersFromPatient(patient: unknown, form: SelfReportForm): SelfReportAnswers {
  const recorded = { race: recordedOmb(patient, 'race'), ethnicity: recordedOmb(patient, 'ethnicity') };
  const answers: { race?: CodedAnswer; ethnicity?: CodedAnswer } = {};
  for (const question of form.questions) {
    const sources = question.fields.map((field) => (field === 'ethnicity' ? recorded.ethnicity : recorded.race));
    answers[question.id] = recordedAnswer(question, sources);
  }
  const interpreter = interpreterNeededOf(patient).value;
  return {
    ...answers,
    language: preferredLanguageTag(patient),
    interpreterNeeded: interpreter === 'yes' ? true : interpreter === 'no' ? false : undefined,
  };
}

/** A question's answer from the extensions it is written to: their codes, else a null flavor, else nothing. */
function recordedAnswer(question: CodedQuestion, sources: readonly RecordedOmb[]): CodedAnswer | undefined {
  const codes = normalizeCodes(
    question,
    sources.flatMap((source) => chosenCodes(question, source)),
  );
  if (codes.length > 0) return { kind: 'codes', codes };
  const flavor = sources.find((source) => source.nullFlavor !== undefined)?.nullFlavor;
  return flavor === undefined ? undefined : { kind: flavor };
}

/**
 * The codes the patient chose, from an extension's raw parts: detailed codes, and `ombCategory` codes unless they
 * only restate the old roll-up of a detailed code that now sits under another category (White for Egyptian under
 * the 2024 standard, where Egyptian is Middle Eastern or North African).
 */
function chosenCodes(question: CodedQuestion, recorded: RecordedOmb): string[] {
  const superseded = new Set<string>();
  for (const code of recorded.detailed) {
    const category = categoryOf(question, code);
    for (const ancestor of cdcAncestry(code, question.scheme)) if (ancestor !== category) superseded.add(ancestor);
  }
  return [...recorded.ombCategory.filter((code) => !superseded.has(code)), ...recorded.detailed];
}

/** The BCP-47 tag of the `preferred` communication, else of the first one. */
export function preferredLanguageTag(patient: unknown): string | undefined {
  if (!isObject(patient)) return undefined;
  const communications = objects(patient, 'communication');
  const chosen = communications.find((c) => c['preferred'] === true) ?? communications[0];
  return chosen === undefined ? undefined : tagOf(chosen);
}

function tagOf(communication: JsonObject): string | undefined {
  const tags = codings(obj(communication, 'language'));
  return (tags.find((c) => c.system === BCP47_SYSTEM) ?? tags[0])?.code;
}

/** The Patient fields an answer set touches (what the Provenance lists). */
export function answeredFields(answers: SelfReportAnswers, form: SelfReportForm): SelfReportField[] {
  const fields = new Set<SelfReportField>();
  for (const question of form.questions)
    if (answers[question.id] !== undefined) question.fields.forEach((f) => fields.add(f));
  if (answers.language !== undefined) fields.add('language');
  if (answers.interpreterNeeded !== undefined) fields.add('interpreter-needed');
  return SELF_REPORT_FIELDS.filter((f) => fields.has(f));
}

/**
 * The Patient with the patient's answers written in, everything else exactly as read: only the US Core race,
 * ethnicity and interpreter-needed extensions the patient answered are replaced (in place; unknown extensions are
 * kept), and the answered language becomes the one `preferred` communication (other languages stay listed).
 * Under the 2024 standard the combined answer is split: Hispanic or Latino codes go to the ethnicity extension
 * (Not Hispanic or Latino when none was chosen), the rest to the race extension. Never mutates its input.
 */
export function applySelfReport(patient: JsonObject, answers: SelfReportAnswers, form: SelfReportForm): JsonObject {
  const replacements = new Map<string, WrittenExtension>();
  for (const question of form.questions) {
    const answer = answers[question.id];
    if (answer === undefined) continue;
    if (question.fields.length === 1) {
      replacements.set(
        question.id === 'race' ? US_CORE_RACE_URL : US_CORE_ETHNICITY_URL,
        ombExtension(question.id, answer),
      );
      continue;
    }
    const [race, ethnicity] = splitCombined(answer);
    replacements.set(
      US_CORE_RACE_URL,
      ombExtension('race', race, answer.kind === 'codes' ? textOf(answer) : undefined),
    );
    replacements.set(US_CORE_ETHNICITY_URL, ombExtension('ethnicity', ethnicity));
  }
  if (answers.interpreterNeeded !== undefined) {
    replacements.set(US_CORE_INTERPRETER_NEEDED_URL, {
      url: US_CORE_INTERPRETER_NEEDED_URL,
      valueCoding: YES_NO[answers.interpreterNeeded ? 'true' : 'false'],
    });
  }
  const updated: Record<string, unknown> = { ...patient };
  if (replacements.size > 0) updated['extension'] = replaceExtensions(patient['extension'], replacements);
  if (answers.language !== undefined)
    updated['communication'] = preferLanguage(patient['communication'], answers.language);
  return updated;
}

function textOf(answer: CodedAnswer & { kind: 'codes' }): string {
  return answer.codes.map(cdcEnglishName).join(', ');
}

/** Splits a combined 2024 answer into the race and the ethnicity answers. */
function splitCombined(answer: CodedAnswer): [CodedAnswer, CodedAnswer] {
  if (answer.kind !== 'codes') return [answer, answer];
  const hispanic = answer.codes.filter((code) => cdcAncestry(code).includes(HISPANIC));
  const race = answer.codes.filter((code) => !hispanic.includes(code));
  return [
    { kind: 'codes', codes: race },
    { kind: 'codes', codes: hispanic.length > 0 ? hispanic : [NOT_HISPANIC] },
  ];
}

/** Replaces extensions by URL where the first one stood, drops duplicates of those URLs, appends new ones. */
function replaceExtensions(current: unknown, replacements: ReadonlyMap<string, WrittenExtension>): unknown[] {
  const list: readonly unknown[] = Array.isArray(current) ? current : [];
  const placed = new Set<string>();
  const out: unknown[] = [];
  for (const ext of list) {
    const url = isObject(ext) ? str(ext, 'url') : undefined;
    const replacement = url === undefined ? undefined : replacements.get(url);
    if (url === undefined || replacement === undefined) out.push(ext);
    else if (!placed.has(url)) {
      out.push(replacement);
      placed.add(url);
    }
  }
  for (const [url, replacement] of replacements) if (!placed.has(url)) out.push(replacement);
  return out;
}

/**
 * Marks `tag` as the one preferred language. An entry with the same tag (or, for a bare tag like `es`, the same
 * primary language, such as `es-MX`) is reused; otherwise a new entry is added first. Other entries stay, no longer
 * preferred.
 */
function preferLanguage(current: unknown, tag: string): unknown[] {
  const list: readonly unknown[] = Array.isArray(current) ? current : [];
  const lower = tag.toLowerCase();
  const bare = !tag.includes('-');
  const tagOfEntry = (entry: unknown): string | undefined =>
    isObject(entry) ? tagOf(entry)?.toLowerCase() : undefined;
  let index = list.findIndex((entry) => tagOfEntry(entry) === lower);
  if (index < 0 && bare) index = list.findIndex((entry) => primarySubtag(tagOfEntry(entry) ?? '') === lower);
  const others = list.map((entry, i) => {
    if (i === index || !isObject(entry) || entry['preferred'] !== true) return entry;
    return { ...entry, preferred: false };
  });
  const existing = list[index];
  if (index >= 0 && isObject(existing)) {
    others[index] = { ...existing, preferred: true };
    return others;
  }
  const name = languageEnglishName(tag);
  return [
    { language: { coding: [{ system: BCP47_SYSTEM, code: tag, display: name }], text: name }, preferred: true },
    ...others,
  ];
}
