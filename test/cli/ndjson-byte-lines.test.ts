import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readByteLineBatches } from '../../src/cli/ndjson-byte-lines';
import { listExportFiles, readLineBatches, type ExportFile } from '../../src/cli/ndjson-export';
import { tempDir } from './run-cli';

async function asText(file: ExportFile): Promise<string[]> {
  const out: string[] = [];
  for await (const b of readLineBatches(file)) b.lines.forEach((line, i) => out.push(`${b.firstLine + i}:${line}`));
  return out;
}

async function fromBytes(file: ExportFile): Promise<string[]> {
  const out: string[] = [];
  for await (const b of readByteLineBatches(file))
    b.starts.forEach((s, i) => out.push(`${b.firstLine + i}:${b.bytes.toString('utf8', s, b.ends[i])}`));
  return out;
}

/** Lines of every length around the 1 MiB chunk size, with characters of 1 to 4 bytes that chunks may split. */
function awkwardContent(): Buffer {
  const parts: Buffer[] = [Buffer.from('\uFEFF{"a":"é"}\r\n\n  \r\n')];
  for (let i = 0; parts.reduce((n, p) => n + p.length, 0) < 3.2 * 2 ** 20; i++) {
    const filler = 'x'.repeat((i * 7919) % 5000);
    parts.push(Buffer.from(`{"n":${i},"s":"${filler}ü€😀"}${i % 5 === 0 ? '\r\n' : '\n'}`));
    if (i % 97 === 0) parts.push(Buffer.from([0x7b, 0xff, 0xe2, 0x82, 0x0a, 0xf0, 0x9f, 0x0a]));
  }
  parts.push(Buffer.from('{"last":"no line break"}'));
  return Buffer.concat(parts);
}

describe('readByteLineBatches', () => {
  it.each([false, true])('gives the lines readLineBatches gives, once decoded (gzip: %s)', async (gzip) => {
    const dir = tempDir('byte-lines');
    const content = awkwardContent();
    writeFileSync(join(dir, `Observation.ndjson${gzip ? '.gz' : ''}`), gzip ? gzipSync(content) : content);
    const [file] = await listExportFiles(dir);
    if (file === undefined) throw new Error('no file listed');
    const expected = await asText(file);
    expect(expected.length).toBeGreaterThan(1000);
    expect(await fromBytes(file)).toEqual(expected);
  });
});
