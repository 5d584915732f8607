import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/** One NDJSON file of a Bulk Data export. */
export interface ExportFile {
  readonly path: string;
  readonly name: string;
  /** The resource type its name announces (`Patient.ndjson`, `1.Patient.ndjson`, `Observation-2.ndjson.gz`). */
  readonly resourceType: string | undefined;
  readonly gzip: boolean;
  readonly bytes: number;
}

/** A run of consecutive lines; `firstLine` is the 1-based number of `lines[0]`. Blank lines are included. */
export interface LineBatch {
  readonly firstLine: number;
  readonly lines: readonly string[];
}

const NDJSON = /\.ndjson(\.gz)?$/i;

/** The resource type in a Bulk Data file name: the first segment that looks like one (capitalised letters). */
export function resourceTypeOfFileName(name: string): string | undefined {
  return name
    .replace(NDJSON, '')
    .split(/[._-]/)
    .find((part) => /^[A-Z][A-Za-z]+$/.test(part));
}

/** The `.ndjson` and `.ndjson.gz` files of a directory, Patient files first, then by name. */
export async function listExportFiles(dir: string): Promise<ExportFile[]> {
  const names = (await readdir(dir)).filter((n) => NDJSON.test(n));
  const files = await Promise.all(
    names.map(async (name): Promise<ExportFile> => {
      const path = join(dir, name);
      return {
        path,
        name,
        resourceType: resourceTypeOfFileName(name),
        gzip: /\.gz$/i.test(name),
        bytes: (await stat(path)).size,
      };
    }),
  );
  const rank = (f: ExportFile): number => (f.resourceType === 'Patient' ? 0 : 1);
  return files.sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Streams a file's lines in batches (one per chunk read, about 1 MiB), gunzipping `.gz` files on the way. Each chunk
 * is decoded once (a multi-byte character split between chunks is carried over) and split on `\n`; a trailing `\r`
 * and a leading byte-order mark are removed. Batches rather than single lines keep the cost of async iteration off
 * a path that sees millions of lines.
 */
export async function* readLineBatches(file: ExportFile): AsyncGenerator<LineBatch> {
  const raw = createReadStream(file.path, { highWaterMark: 1 << 20 });
  const source = file.gzip ? pipeline(raw, createGunzip(), () => undefined) : raw;
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNumber = 1;
  for await (const chunk of source) {
    if (!Buffer.isBuffer(chunk)) continue;
    const text = decoder.write(chunk);
    const lines: string[] = [];
    const firstLine = lineNumber;
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      lines.push(clean(carry === '' ? text.slice(start, nl) : carry + text.slice(start, nl), lineNumber));
      carry = '';
      lineNumber++;
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    carry += text.slice(start);
    if (lines.length > 0) yield { firstLine, lines };
  }
  carry += decoder.end();
  if (carry !== '') yield { firstLine: lineNumber, lines: [clean(carry, lineNumber)] };
}

function clean(line: string, lineNumber: number): string {
  let text = line;
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}
