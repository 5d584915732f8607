import { patientIdFromReference } from '../worker/patient-reference';
import { firstStringValue } from './json-string-value';

const asIs = (value: string): string | undefined => (value === '' ? undefined : value);

/**
 * A cheap guess, from the text alone, at the patient a line belongs to: in a Patient file the first `"id"`, elsewhere
 * the first `"reference"` to a Patient (`Patient/1`, `https://host/fhir/Patient/1`, with or without spaces around
 * the colon). It is only a guess (a Coverage may name its subscriber before its beneficiary, a nested `id` may come
 * first): the parsed resource decides, and a wrong guess costs a forwarded resource, never a wrong result.
 */
export function patientHint(line: string, patientFile: boolean): string | undefined {
  return patientFile ? firstStringValue(line, 'id', asIs) : firstStringValue(line, 'reference', patientIdFromReference);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over `text[start, end)`'s UTF-16 code units: spreads `p1`, `p2`, … evenly, the same in every thread. */
function hashOf(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Which of `parts` threads owns a patient. */
export function partOfPatient(patientId: string, parts: number): number {
  return hashOf(patientId, 0, patientId.length) % parts;
}

const MINIFIED_REFERENCE = '"reference":"Patient/';
const MINIFIED_PATIENT = '{"resourceType":"Patient","id":"';

/**
 * The end of the id that starts at `start` in minified JSON: the closing quote, or the slash of `/_history/`; -1
 * when there is none or the id is empty or escaped (the slow path then reads it).
 */
function idEnd(line: string, start: number): number {
  for (let i = start; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34 /* " */ || c === 47 /* / */) return i > start ? i : -1;
    if (c === 92 /* \ */) return -1;
  }
  return -1;
}

/**
 * Which of `parts` threads parses a line: the owner of its {@link patientHint}, or, for a line without one (a
 * Medication, a resource without a patient, a broken line), the line number modulo `parts`, so that every line is
 * parsed (and reported, if malformed) by exactly one thread. This runs for every line in every thread: minified
 * JSON (what Bulk Data servers write) is read without copying the id.
 */
export function partOfLine(line: string, lineNumber: number, patientFile: boolean, parts: number): number {
  if (parts === 1) return 0;
  const start = minifiedIdStart(line, patientFile);
  const end = start === -1 ? -1 : idEnd(line, start);
  if (end !== -1) return hashOf(line, start, end) % parts;
  const hint = patientHint(line, patientFile);
  return hint === undefined ? lineNumber % parts : partOfPatient(hint, parts);
}

/** Where the hinted id starts in minified JSON (`{"resourceType":"Patient","id":"…`, `"reference":"Patient/…`). */
function minifiedIdStart(line: string, patientFile: boolean): number {
  if (patientFile) return line.startsWith(MINIFIED_PATIENT) ? MINIFIED_PATIENT.length : -1;
  const i = line.indexOf(MINIFIED_REFERENCE);
  return i === -1 ? -1 : i + MINIFIED_REFERENCE.length;
}

const REFERENCE_BYTES = Buffer.from(MINIFIED_REFERENCE);
const PATIENT_BYTES = Buffer.from(MINIFIED_PATIENT);

/**
 * {@link partOfLine} on the undecoded lines of one batch (see `readByteLineBatches`), judged in order: a line whose
 * hint is in minified form is judged from its bytes, and the search for the next Patient reference runs once through
 * the batch rather than once per line. `partOf` gives undefined when the line must be decoded and judged by
 * `partOfLine` (no minified hint, or an id that is escaped or not ASCII, as FHIR ids always are).
 */
export class ByteLineJudge {
  /** Where the next minified Patient reference starts, at or after the last line judged; -1: none left. */
  #nextReference = -2;

  constructor(
    private readonly bytes: Buffer,
    private readonly patientFile: boolean,
    private readonly parts: number,
  ) {}

  partOf(start: number, end: number): number | undefined {
    if (this.parts === 1) return 0;
    const bytes = this.bytes;
    const idStart = this.patientFile ? this.#patientIdStart(start, end) : this.#referenceIdStart(start, end);
    if (idStart === -1) return undefined;
    let h = FNV_OFFSET;
    for (let i = idStart; i < end; i++) {
      const c = bytes[i] ?? 0;
      if (c === 34 /* " */ || c === 47 /* / */) return i > idStart ? (h >>> 0) % this.parts : undefined;
      if (c === 92 /* \ */ || c >= 0x80) return undefined;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    return undefined;
  }

  #patientIdStart(start: number, end: number): number {
    if (end - start < PATIENT_BYTES.length) return -1;
    for (let i = 0; i < PATIENT_BYTES.length; i++) if (this.bytes[start + i] !== PATIENT_BYTES[i]) return -1;
    return start + PATIENT_BYTES.length;
  }

  #referenceIdStart(start: number, end: number): number {
    if (this.#nextReference !== -1 && this.#nextReference < start)
      this.#nextReference = this.bytes.indexOf(REFERENCE_BYTES, start);
    const at = this.#nextReference;
    return at !== -1 && at < end ? at + REFERENCE_BYTES.length : -1;
  }
}
