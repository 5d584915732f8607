import type { LoadOptions, LoadStats } from './export-loader';
import { ByteLineJudge, partOfLine, partOfPatient } from './line-ownership';
import { LoadCounts, projectLine } from './line-projection';
import { readByteLineBatches } from './ndjson-byte-lines';
import type { ExportFile } from './ndjson-export';
import { linePosition, type PlacedResource } from './placed-resource';

/** Which share of an export one thread loads. */
export interface PartOptions extends LoadOptions {
  /** This thread's number, 0 to `parts` − 1. */
  readonly part: number;
  readonly parts: number;
}

/** What one thread read: the resources of its own patients, those to hand to other threads, and its counts. */
export interface PartLoad {
  /** Resources of this part's patients, in reading order. */
  readonly own: PlacedResource[];
  /** By part: resources of other parts' patients, met here because a line's hint was wrong (empty for this part). */
  readonly forward: PlacedResource[][];
  /** Shared resources (Medications), which every part needs. */
  readonly shared: PlacedResource[];
  /** Counts of the lines this part parsed (or skipped unparsed); the parts' counts add up to the export's. */
  readonly stats: LoadStats;
}

/**
 * One thread's share of `loadExport`: it reads every file but judges, parses and compacts only the lines it owns
 * (`partOfLine`), so every line is counted, and reported if malformed, by exactly one part. The parsed resource's
 * own patient then decides where it goes: a wrong guess is forwarded to the part that owns the patient, and a shared
 * Medication to every part. Lines are judged as `loadExport` judges them (blank lines, `mustParse`, `--parse-all`).
 */
export async function loadPart(files: readonly ExportFile[], options: PartOptions): Promise<PartLoad> {
  const { part, parts } = options;
  const own: PlacedResource[] = [];
  const forward: PlacedResource[][] = Array.from({ length: parts }, () => []);
  const shared: PlacedResource[] = [];
  const counts = new LoadCounts();
  for (let f = 0; f < files.length; f++) {
    const file = files[f];
    if (file === undefined) continue;
    const fileType = options.parseAll === true ? undefined : file.resourceType;
    const patientFile = file.resourceType === 'Patient';
    let inFile = 0;
    try {
      for await (const { bytes, starts, ends, firstLine } of readByteLineBatches(file)) {
        const judge = new ByteLineJudge(bytes, patientFile, parts);
        for (let i = 0; i < starts.length; i++) {
          const start = starts[i] ?? 0;
          const end = ends[i] ?? 0;
          const line = firstLine + i;
          inFile++;
          if (start === end) continue;
          // Only a line starting with a space or control character can be blank; it is decoded to tell.
          let text = (bytes[start] ?? 0) <= 32 ? bytes.toString('utf8', start, end) : undefined;
          if (text !== undefined && text.trim() === '') continue;
          let owner = judge.partOf(start, end);
          if (owner === undefined) {
            text ??= bytes.toString('utf8', start, end);
            owner = partOfLine(text, line, patientFile, parts);
          }
          if (owner !== part) continue;
          text ??= bytes.toString('utf8', start, end);
          const p = projectLine(text, fileType, file.name, line, counts, options.onMalformed);
          if (p === undefined) continue;
          const placed = { position: linePosition(f, line), patientId: p.patientId, resource: p.resource };
          if (p.patientId === undefined) shared.push(placed);
          else {
            const home = partOfPatient(p.patientId, parts);
            (home === part ? own : (forward[home] ?? own)).push(placed);
          }
        }
        options.onProgress?.(file, inFile);
      }
    } catch (e) {
      counts.fileBroke(file.name, e);
    }
    options.onFileDone?.(file, inFile);
  }
  return { own, forward, shared, stats: counts.stats() };
}

/** What part `part` must add to its own resources: what the other parts met of its patients, and every Medication. */
export function receivedBy(
  part: number,
  loads: readonly {
    readonly forward: readonly (readonly PlacedResource[])[];
    readonly shared: readonly PlacedResource[];
  }[],
): PlacedResource[] {
  const out: PlacedResource[] = [];
  for (const l of loads) for (const r of l.forward[part] ?? []) out.push(r);
  for (const l of loads) for (const r of l.shared) out.push(r);
  return out;
}
