import { firstStringValue } from './json-string-value';
import { ACUTE_CLASSES, HUNGER_CODES, relevantCodeKeys } from '../worker/relevant-codes';

/** Types kept only when one of their codes is relevant (see `compactResource`); others are always parsed. */
const CODE_FILTERED: ReadonlySet<string> = new Set([
  'Condition',
  'Observation',
  'Procedure',
  'ServiceRequest',
  'DeviceRequest',
  'MedicationRequest',
  'Medication',
  'Encounter',
]);

let codes: ReadonlySet<string> | undefined;

/** The code part of every relevant `system|code`, plus the codes matched without a system. */
function relevantCodeValues(): ReadonlySet<string> {
  if (codes === undefined) {
    const set = new Set<string>([...HUNGER_CODES, ...ACUTE_CLASSES]);
    for (const key of relevantCodeKeys()) set.add(key.slice(key.lastIndexOf('|') + 1));
    codes = set;
  }
  return codes;
}

/** Whether `test` holds for some string value of `"<key>": "…"` in a JSON text without escapes. */
function someStringValue(line: string, key: string, test: (value: string) => boolean): boolean {
  return firstStringValue(line, key, (value) => (test(value) ? true : undefined)) === true;
}

const HEADS = new Map<string, string>();

/** `{"resourceType":"<type>"`: how minified exports (Synthea, HAPI, Medplum, …) start every line. */
function headOf(type: string): string {
  let head = HEADS.get(type);
  if (head === undefined) {
    head = `{"resourceType":"${type}"`;
    HEADS.set(type, head);
  }
  return head;
}

/**
 * Whether the line's `resourceType` values are all `fileType`, and there is at least one. The fast path needs no
 * minified JSON: any other `"resourceType"` key, however spaced, contains the quoted name the search looks for.
 */
function onlyOfType(text: string, fileType: string): boolean {
  const head = headOf(fileType);
  if (text.startsWith(head)) return text.indexOf('"resourceType"', head.length) === -1;
  return (
    someStringValue(text, 'resourceType', (type) => type === fileType) &&
    !someStringValue(text, 'resourceType', (type) => type !== fileType)
  );
}

/** Whether some `"code": "…"` value is relevant (whitespace around the colon allowed). */
function hasRelevantCode(text: string): boolean {
  return firstStringValue(text, 'code', relevantCode) === true;
}

/** For `firstStringValue`: `true` for a relevant code. Module-level, not a closure: it runs for most lines. */
function relevantCode(value: string): true | undefined {
  return relevantCodeValues().has(value) ? true : undefined;
}

/**
 * Whether a line must be parsed, judged from its text alone. Parsing dominates the cost of reading an export, and
 * most lines of a real one (vital signs, labs, routine visits) can never change a measure: a resource of a
 * code-filtered type is kept only if a relevant code appears in it as a `"code": "…"` value, so a line in which
 * none does can be skipped unparsed. The test is a superset of `compactResource`'s: any line it might keep is
 * parsed. Always parsed: lines of other types, lines with a backslash (escapes could hide a code), lines that do
 * not look like one whole object (`{…}`, so truncated lines are reported), lines without a `resourceType` of the
 * file's type or with one of another type (a contained resource, a misfiled resource), and MedicationRequests
 * naming their drug by reference.
 *
 * The price: a well-formed-looking line that is skipped unparsed is not validated (`--parse-all` parses them all).
 */
export function mustParse(line: string, fileType: string | undefined): boolean {
  if (fileType === undefined || !CODE_FILTERED.has(fileType)) return true;
  // A relevant code settles it, and usually early in the line. Everything after is what a skip must prove: the
  // whole-line scans below are only paid for lines about to be skipped.
  if (hasRelevantCode(line) || line.includes('\\')) return true;
  let last = line.length - 1;
  while (last > 0 && line.charCodeAt(last) <= 32) last--;
  if (line.charCodeAt(0) !== 123 /* { */ || line.charCodeAt(last) !== 125 /* } */) return true;
  if (!onlyOfType(line, fileType)) return true;
  return fileType === 'MedicationRequest' && line.includes('"medicationReference"');
}
