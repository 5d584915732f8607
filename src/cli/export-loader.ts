import type { SkipReason } from '../worker/compact-resource';
import { PatientRecordGrouper } from '../worker/patient-record-grouper';
import { LoadCounts, projectLine } from './line-projection';
import { readLineBatches, type ExportFile } from './ndjson-export';

/** A line that could not be used, with why (never its content: it may hold patient data). */
export interface MalformedLine {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** What reading an export found. */
export interface LoadStats {
  readonly lines: number;
  /** Lines skipped without parsing: no code the measures use appears in them (see `mustParse`). */
  readonly unparsed: number;
  readonly kept: number;
  readonly skipped: Readonly<Record<SkipReason, number>>;
  readonly malformed: number;
  /** Files that could not be read to the end (a broken gzip stream, a read error): name and message. */
  readonly unreadable: readonly { readonly file: string; readonly message: string }[];
}

export interface LoadOptions {
  /** Parse and validate every line, even those whose text shows they cannot matter (slower). */
  readonly parseAll?: boolean;
  readonly onMalformed?: (m: MalformedLine) => void;
  /** Called after every batch with the file, lines read in it so far, and bytes of all files done before it. */
  readonly onProgress?: (file: ExportFile, linesInFile: number) => void;
  readonly onFileDone?: (file: ExportFile, linesInFile: number) => void;
}

/**
 * Reads the files line by line into compact per-patient records: each line that may matter (`mustParse`) is
 * parsed, reduced to what the measures read (`compactResource`) and grouped by patient, so memory holds
 * projections, never whole resources. A bad line is reported and skipped; a file that breaks off is reported and
 * the next one is read.
 */
export async function loadExport(
  files: readonly ExportFile[],
  callbacks: LoadOptions = {},
): Promise<{ grouper: PatientRecordGrouper; stats: LoadStats }> {
  const grouper = new PatientRecordGrouper();
  const counts = new LoadCounts();
  for (const file of files) {
    const fileType = callbacks.parseAll === true ? undefined : file.resourceType;
    let inFile = 0;
    try {
      for await (const batch of readLineBatches(file)) {
        for (let i = 0; i < batch.lines.length; i++) {
          const text = batch.lines[i] ?? '';
          inFile++;
          // Blank lines are allowed; the trim (a copy of the line) is only paid for lines starting with a space.
          if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) continue;
          const kept = projectLine(text, fileType, file.name, batch.firstLine + i, counts, callbacks.onMalformed);
          if (kept !== undefined) grouper.add(kept.resource, kept.patientId);
        }
        callbacks.onProgress?.(file, inFile);
      }
    } catch (e) {
      counts.fileBroke(file.name, e);
    }
    callbacks.onFileDone?.(file, inFile);
  }
  return { grouper, stats: counts.stats() };
}
