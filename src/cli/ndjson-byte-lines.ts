import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ExportFile } from './ndjson-export';

/**
 * A run of consecutive lines, still as UTF-8 bytes: line `k` is `bytes[starts[k], ends[k])` and has the number
 * `firstLine + k`. Blank lines are included.
 */
export interface ByteLineBatch {
  readonly firstLine: number;
  readonly bytes: Buffer;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const LF = 10;
const CR = 13;

/**
 * Streams a file's lines as `readLineBatches` does (same line numbers; a trailing `\r` and, on line 1, a byte-order
 * mark left out), but without decoding them: a worker thread of `loadInThreads` reads every line of every file and
 * decodes only the lines it owns, so decoding the others would be wasted. Decoding a line's bytes gives the text
 * `readLineBatches` gives (`\n` never occurs inside a UTF-8 sequence, so no character straddles two lines).
 */
export async function* readByteLineBatches(file: ExportFile): AsyncGenerator<ByteLineBatch> {
  const raw = createReadStream(file.path, { highWaterMark: 1 << 20 });
  const source = file.gzip ? pipeline(raw, createGunzip(), () => undefined) : raw;
  let carry: Buffer | undefined;
  let lineNumber = 1;
  for await (const chunk of source) {
    if (!Buffer.isBuffer(chunk)) continue;
    const bytes = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
    const starts: number[] = [];
    const ends: number[] = [];
    const firstLine = lineNumber;
    let start = 0;
    for (let nl = bytes.indexOf(LF, start); nl !== -1; nl = bytes.indexOf(LF, start)) {
      push(bytes, start, nl, lineNumber, starts, ends);
      lineNumber++;
      start = nl + 1;
    }
    carry = start < bytes.length ? bytes.subarray(start) : undefined;
    if (starts.length > 0) yield { firstLine, bytes, starts, ends };
  }
  if (carry !== undefined) {
    const starts: number[] = [];
    const ends: number[] = [];
    push(carry, 0, carry.length, lineNumber, starts, ends);
    yield { firstLine: lineNumber, bytes: carry, starts, ends };
  }
}

function push(bytes: Buffer, start: number, end: number, lineNumber: number, starts: number[], ends: number[]): void {
  let s = start;
  let e = end;
  if (e > s && bytes[e - 1] === CR) e--;
  if (lineNumber === 1 && e - s >= 3 && bytes[s] === 0xef && bytes[s + 1] === 0xbb && bytes[s + 2] === 0xbf) s += 3;
  starts.push(s);
  ends.push(e);
}
