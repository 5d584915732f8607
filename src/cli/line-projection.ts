import { compactResource, type Projection, type SkipReason } from '../worker/compact-resource';
import type { LoadStats, MalformedLine } from './export-loader';
import { mustParse } from './line-prefilter';

/** A resource kept from a line, with the patient it belongs to (undefined for a shared Medication). */
export type KeptResource = Extract<Projection, { kind: 'keep' }>;

/** What reading (part of) an export met, counted line by line. */
export class LoadCounts {
  lines = 0;
  unparsed = 0;
  kept = 0;
  malformed = 0;
  readonly skipped: Record<SkipReason, number> = { 'unused-type': 0, 'unused-code': 0, 'no-patient': 0 };
  readonly unreadable: { file: string; message: string }[] = [];

  /** A file that could not be read to the end (a broken gzip stream, a read error). */
  fileBroke(file: string, error: unknown): void {
    this.unreadable.push({ file, message: error instanceof Error ? error.message : String(error) });
  }

  stats(): LoadStats {
    const { lines, unparsed, kept, skipped, malformed, unreadable } = this;
    return { lines, unparsed, kept, skipped: { ...skipped }, malformed, unreadable: [...unreadable] };
  }
}

/**
 * One non-blank line of an export, as every reader treats it: parsed when its text shows it may matter
 * (`mustParse`; `fileType` undefined parses every line), reduced to what the engine reads (`compactResource`) and
 * counted. Returns what is kept; a line that is not JSON or not a usable resource is counted and reported (never
 * with its content: it may hold patient data).
 */
export function projectLine(
  text: string,
  fileType: string | undefined,
  file: string,
  line: number,
  counts: LoadCounts,
  onMalformed: ((m: MalformedLine) => void) | undefined,
): KeptResource | undefined {
  counts.lines++;
  if (!mustParse(text, fileType)) {
    counts.unparsed++;
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message quotes the line: it is not repeated.
    counts.malformed++;
    onMalformed?.({ file, line, reason: 'not valid JSON' });
    return undefined;
  }
  const p = compactResource(parsed);
  if (p.kind === 'keep') {
    counts.kept++;
    return p;
  }
  if (p.kind === 'skip') counts.skipped[p.reason]++;
  else {
    counts.malformed++;
    onMalformed?.({ file, line, reason: p.reason });
  }
  return undefined;
}
