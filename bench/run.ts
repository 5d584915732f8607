import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { BenchMode, CaseResult } from './bench-case';
import type { PatientSize } from './synthetic-patient';
import { writeSyntheticExport, type ExportSpec } from './write-export';

// `npm run bench [-- --full] [--sizes 10000,100000] [--only small|synthea] [--keep] [--data <dir>]`
// Builds deterministic synthetic Bulk Data exports and measures, each in a fresh process: reading and JSON.parse
// alone, the command line's whole pipeline (read → compact → group → evaluate CMS165 and CMS122 → stratify by
// race, ethnicity, language and race × sex), and evaluation + stratification alone on records already in memory.
// 100,000 Synthea-sized patients (about 21 million resources, 24 GB of NDJSON) run only with --full.

const run = promisify(execFile);
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const value = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const FULL = flag('--full');
const SIZES = (value('--sizes') ?? '10000,100000').split(',').map(Number);
const PROFILES: PatientSize[] =
  value('--only') === undefined ? ['small', 'synthea'] : [z.enum(['small', 'synthea']).parse(value('--only'))];
const DATA = value('--data') ?? join(tmpdir(), 'equity-lens-bench');
const SEED = 20260101;

const CaseResultSchema = z.object({
  mode: z.enum(['parse-all', 'parse-used', 'pipeline', 'evaluate']),
  ms: z.number(),
  lines: z.number(),
  bytes: z.number(),
  patients: z.number(),
  loadMs: z.number().optional(),
  evaluateMs: z.number().optional(),
  cms165OnlyMs: z.number().optional(),
  breakdown: z.record(z.string(), z.number()).optional(),
  peakRss: z.number(),
  peakHeap: z.number(),
}) satisfies z.ZodType<CaseResult>;

async function measure(mode: BenchMode, dir: string): Promise<CaseResult> {
  const { stdout } = await run(
    process.execPath,
    ['--experimental-websocket', '--max-old-space-size=8192', '--import', 'tsx', 'bench/bench-case.ts', mode, dir],
    { maxBuffer: 1 << 20 },
  );
  return CaseResultSchema.parse(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''));
}

/** Generates the export unless the same spec is already on disk. */
async function ensureExport(spec: ExportSpec): Promise<string> {
  const dir = join(DATA, `${spec.size}-${String(spec.patients)}`);
  const marker = join(dir, 'spec.json');
  const wanted = JSON.stringify(spec);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return dir;
  rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  const written = await writeSyntheticExport(dir, spec);
  writeFileSync(marker, wanted);
  line(
    `  generated ${n(written.resources)} resources (${(written.resources / spec.patients).toFixed(1)} a patient, ` +
      `${gb(written.bytes)}) in ${s(performance.now() - t)}`,
  );
  return dir;
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const gb = (bytes: number): string =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(0)} MB`;
const mb = (bytes: number): string => `${n(bytes / 2 ** 20)} MiB`;
const line = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

async function bench(size: PatientSize, patients: number): Promise<void> {
  line(`\n== ${n(patients)} ${size} patients ==`);
  if (size === 'synthea' && patients >= 100_000 && !FULL) {
    line('  skipped: about 21 million resources and 24 GB of NDJSON; run `npm run bench -- --full` (tens of minutes)');
    return;
  }
  const dir = await ensureExport({ patients, size, seed: SEED, year: 2026 });
  const parseAll = await measure('parse-all', dir);
  const parseUsed = await measure('parse-used', dir);
  const pipeline = await measure('pipeline', dir);
  const evaluate = await measure('evaluate', dir);
  const perSecond = (count: number, ms: number): string => `${n((count * 1000) / ms)}/s`;
  line(
    `  read + JSON.parse, all files:         ${s(parseAll.ms)}  (${n(parseAll.lines)} lines, ${gb(parseAll.bytes)}, peak RSS ${mb(parseAll.peakRss)})`,
  );
  line(
    `  read + JSON.parse, files it reads:    ${s(parseUsed.ms)}  (${n(parseUsed.lines)} lines, ${gb(parseUsed.bytes)})`,
  );
  line(
    `  whole pipeline (CLI path):            ${s(pipeline.ms)}  = read+compact ${s(pipeline.loadMs ?? 0)} + evaluate ${s(pipeline.evaluateMs ?? 0)}; ` +
      `${perSecond(pipeline.patients, pipeline.ms)} patients`,
  );
  line(`    peak RSS ${mb(pipeline.peakRss)}, peak heap ${mb(pipeline.peakHeap)}`);
  line(
    `  evaluation + stratification alone:    CMS165 + CMS122 ${s(evaluate.ms)} = ${perSecond(evaluate.patients, evaluate.ms)} patients; ` +
      `CMS165 alone ${perSecond(evaluate.patients, evaluate.cms165OnlyMs ?? 0)}`,
  );
  line(`    peak RSS ${mb(evaluate.peakRss)}, peak heap ${mb(evaluate.peakHeap)} (all compact records held in memory)`);
  const parts = Object.entries(evaluate.breakdown ?? {}).map(
    ([k, ms]) => `${k} ${((ms * 1000) / evaluate.patients).toFixed(1)} µs`,
  );
  line(`    per patient, each part alone: ${parts.join(', ')}`);
  const ratioAll = pipeline.ms / parseAll.ms;
  const ratioUsed = pipeline.ms / parseUsed.ms;
  line(
    `  pipeline ÷ parse-only: ${ratioAll.toFixed(2)}× (all files), ${ratioUsed.toFixed(2)}× (files it reads)   target ≤ 1.5× → ` +
      `${ratioAll <= 1.5 ? 'met' : 'MISSED'} / ${ratioUsed <= 1.5 ? 'met' : 'MISSED'}`,
  );
  if (size === 'small') {
    const rate = (evaluate.patients * 1000) / evaluate.ms;
    line(`  evaluation alone target ≥ 50,000 small patients/s (both measures) → ${rate >= 50_000 ? 'met' : 'MISSED'}`);
  }
}

line(`Equity Lens benchmark · Node ${process.version} · data in ${DATA}${FULL ? ' · --full' : ''}`);
for (const size of PROFILES) for (const patients of SIZES) await bench(size, patients);
if (!flag('--keep')) rmSync(DATA, { recursive: true, force: true });
else line(`\nExports kept in ${DATA}`);
