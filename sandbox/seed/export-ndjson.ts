/**
 * Writes a generated population as a FHIR Bulk Data style folder: one `<Type>.ndjson` (or `.ndjson.gz`) per resource
 * type, one resource per line.
 *
 *   node --import tsx sandbox/seed/export-ndjson.ts --patients 5000 --seed 42 --anchor 2026-11-01 --out <dir> [--gzip]
 *     [--summary]   also write summary.json (population summary, practitioners, messy cases, per-patient intents)
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import type { Resource } from 'fhir/r4';
import { generatePopulation } from './population';
import type { Population } from './population';

export interface ExportedFile {
  readonly resourceType: string;
  readonly path: string;
  readonly count: number;
}

function* chunks(resources: readonly Resource[]): Generator<string> {
  // Batching lines keeps the number of stream writes (and their overhead) small.
  let batch: string[] = [];
  for (const r of resources) {
    batch.push(JSON.stringify(r));
    if (batch.length === 2000) {
      yield `${batch.join('\n')}\n`;
      batch = [];
    }
  }
  if (batch.length > 0) yield `${batch.join('\n')}\n`;
}

/** Writes one NDJSON file per resource type into `dir` (created if needed) and lists what it wrote. */
export async function exportNdjson(
  population: Pick<Population, 'resources'>,
  dir: string,
  options: { readonly gzip?: boolean } = {},
): Promise<ExportedFile[]> {
  await mkdir(dir, { recursive: true });
  const byType = new Map<string, Resource[]>();
  for (const r of population.resources) {
    const list = byType.get(r.resourceType);
    if (list) list.push(r);
    else byType.set(r.resourceType, [r]);
  }
  const files: ExportedFile[] = [];
  for (const [resourceType, resources] of byType) {
    const path = join(dir, `${resourceType}.ndjson${options.gzip === true ? '.gz' : ''}`);
    const source = Readable.from(chunks(resources));
    if (options.gzip === true) await pipeline(source, createGzip(), createWriteStream(path));
    else await pipeline(source, createWriteStream(path));
    files.push({ resourceType, path, count: resources.length });
  }
  return files;
}

const USAGE =
  'usage: export-ndjson.ts --out <dir> [--patients 5000] [--seed 42] [--anchor YYYY-MM-DD] [--gzip] [--summary]';

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`--${name} must be an integer, got "${value}"\n${USAGE}`);
  return n;
}

/** The command line: parses arguments, generates, writes, and prints one line per file. */
export async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      out: { type: 'string' },
      patients: { type: 'string' },
      seed: { type: 'string' },
      anchor: { type: 'string' },
      gzip: { type: 'boolean', default: false },
      summary: { type: 'boolean', default: false },
    },
  });
  if (values.out === undefined) throw new Error(`--out is required\n${USAGE}`);
  const anchor = values.anchor ?? new Date().toISOString().slice(0, 10);
  const started = performance.now();
  const population = generatePopulation({
    seed: integer('seed', values.seed, 42),
    patients: integer('patients', values.patients, 5000),
    anchor,
  });
  const generated = performance.now();
  const files = await exportNdjson(population, values.out, { gzip: values.gzip });
  if (values.summary) {
    const { summary, practitioners, messyCases, featuredPatients, intents } = population;
    const json = JSON.stringify({ summary, practitioners, messyCases, featuredPatients, intents }, null, 1);
    await writeFile(join(values.out, 'summary.json'), json);
  }
  for (const f of files) process.stdout.write(`${f.path}\t${f.count}\n`);
  const ms = (t: number): string => `${Math.round(t)} ms`;
  process.stdout.write(
    `${population.summary.totalResources} resources for ${population.summary.patients} patients (anchor ${anchor}): ` +
      `generated in ${ms(generated - started)}, written in ${ms(performance.now() - generated)}\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
