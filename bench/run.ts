import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { BenchMode, CaseResult } from './bench-case';
import type { PatientSize } from './synthetic-patient';
import { writeSyntheticExport, type ExportSpec } from './write-export';

// `npm run bench [-- --full] [--sizes 10000,100000] [--only small|synthea] [--repeat 3] [--keep] [--data <dir>]`
// (`--repeat`: rounds of every mode; at least 5 for exports under 256 MB)
// Builds deterministic synthetic Bulk Data exports and measures, each in a fresh process: reading and JSON.parse
// alone, the command line's whole pipeline (read → compact → group → evaluate CMS165 and CMS122 → stratify by
// race, ethnicity, language and race × sex) as it runs by default (worker threads, one per core, at most 8) and with
// `--threads 1`, and evaluation + stratification alone on records already in memory.
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
const REPEAT = Number(value('--repeat') ?? 3);

const CaseResultSchema = z.object({
  mode: z.enum(['parse-all', 'parse-used', 'pipeline', 'pipeline-1', 'evaluate']),
  ms: z.number(),
  cpuMs: z.number(),
  lines: z.number(),
  bytes: z.number(),
  patients: z.number(),
  threads: z.number().optional(),
  loadMs: z.number().optional(),
  evaluateMs: z.number().optional(),
  cms165OnlyMs: z.number().optional(),
  secondPassMs: z.number().optional(),
  breakdown: z.record(z.string(), z.number()).optional(),
  peakRss: z.number(),
  peakHeap: z.number(),
}) satisfies z.ZodType<CaseResult>;

const MODE_ORDER: readonly BenchMode[] = ['parse-all', 'parse-used', 'pipeline', 'pipeline-1', 'evaluate'];

/**
 * The machine is shared (two cores, other jobs): every mode runs in fresh processes, in rounds that take each mode
 * in turn (so a burst of other work slows all modes alike rather than one), and each mode's fastest run is kept, the
 * usual way to read through noise that only ever adds time. Exports under 256 MB, whose runs last a second or less
 * and move the most, get at least 5 rounds; exports over 1 GB run once.
 */
const roundsFor = (bytes: number): number => (bytes > 1e9 ? 1 : bytes < 256e6 ? Math.max(REPEAT, 5) : REPEAT);

async function measureAll(dir: string, bytes: number): Promise<Record<BenchMode, CaseResult>> {
  const rounds = roundsFor(bytes);
  const best: Partial<Record<BenchMode, CaseResult>> = {};
  for (let round = 0; round < rounds; round++) {
    for (const mode of MODE_ORDER) {
      const r = await measureOnce(mode, dir);
      const kept = best[mode];
      if (kept === undefined || r.ms < kept.ms) best[mode] = r;
    }
  }
  const result = (mode: BenchMode): CaseResult => {
    const r = best[mode];
    if (r === undefined) throw new Error(`no measurement of ${mode}`);
    return r;
  };
  return {
    'parse-all': result('parse-all'),
    'parse-used': result('parse-used'),
    pipeline: result('pipeline'),
    'pipeline-1': result('pipeline-1'),
    evaluate: result('evaluate'),
  };
}

async function measureOnce(mode: BenchMode, dir: string): Promise<CaseResult> {
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
  const bytes = readdirSync(dir).reduce((a, f) => a + statSync(join(dir, f)).size, 0);
  const {
    'parse-all': parseAll,
    'parse-used': parseUsed,
    pipeline,
    'pipeline-1': single,
    evaluate,
  } = await measureAll(dir, bytes);
  const threads = pipeline.threads ?? 1;
  line(`  best of ${String(roundsFor(bytes))} round(s), each mode in a fresh process`);
  const rate = (count: number, ms: number): string => `${n((count * 1000) / ms)}/s`;
  const times = (r: CaseResult): string => `${s(r.ms)} (cpu ${s(r.cpuMs)})`;
  const pipelineLine = (r: CaseResult): string =>
    `${times(r)} = read+compact ${s(r.loadMs ?? 0)} + evaluate ${s(r.evaluateMs ?? 0)}; ` +
    `${rate(r.patients, r.ms)} patients; peak RSS ${mb(r.peakRss)}`;
  line(`  read + JSON.parse, all files:      ${times(parseAll)}; ${n(parseAll.lines)} lines, ${gb(parseAll.bytes)}`);
  line(`  read + JSON.parse, files it reads: ${times(parseUsed)}; ${n(parseUsed.lines)} lines, ${gb(parseUsed.bytes)}`);
  line(`  whole pipeline, ${threads} thread(s) (the CLI's default): ${pipelineLine(pipeline)}`);
  line(`  whole pipeline, --threads 1:         ${pipelineLine(single)}, heap ${mb(single.peakHeap)}`);
  line(
    `  evaluation + stratification only:  ${times(evaluate)}; CMS165+CMS122 ${rate(evaluate.patients, evaluate.ms)} ` +
      `patients (cpu ${rate(evaluate.patients, evaluate.cpuMs)}), CMS165 alone ` +
      `${rate(evaluate.patients, evaluate.cms165OnlyMs ?? 0)}; peak RSS ${mb(evaluate.peakRss)}, heap ${mb(evaluate.peakHeap)}`,
  );
  line(
    `    the same again in the same process (code already compiled): ` +
      `${rate(evaluate.patients, evaluate.secondPassMs ?? 0)} patients`,
  );
  const parts = Object.entries(evaluate.breakdown ?? {}).map(
    ([k, ms]) => `${k} ${((ms * 1000) / evaluate.patients).toFixed(1)} µs`,
  );
  line(`    each part alone, per patient: ${parts.join(', ')}`);
  const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
  // The target is on wall time; cpu time is printed beside it because threads add up: N threads finishing sooner
  // still spend more cpu than one, and a single thread's cpu ratio is what a one-core machine would see.
  const met = pipeline.ms <= 1.5 * parseAll.ms && pipeline.ms <= 1.5 * parseUsed.ms;
  line(
    `  target: pipeline ≤ 1.5 × parse-only (wall): ${verdict(met)} with ${threads} thread(s): ` +
      `${ratio(pipeline.ms, parseAll.ms)} of all files, ${ratio(pipeline.ms, parseUsed.ms)} of the files it reads; ` +
      `cpu ${ratio(pipeline.cpuMs, parseAll.cpuMs)}, ${ratio(pipeline.cpuMs, parseUsed.cpuMs)}`,
  );
  line(
    `          with --threads 1: wall ${ratio(single.ms, parseAll.ms)}, ${ratio(single.ms, parseUsed.ms)} ` +
      `(${verdict(single.ms <= 1.5 * parseAll.ms && single.ms <= 1.5 * parseUsed.ms)}); ` +
      `cpu ${ratio(single.cpuMs, parseAll.cpuMs)}, ${ratio(single.cpuMs, parseUsed.cpuMs)}`,
  );
  if (size === 'small') {
    const perSecond = (evaluate.patients * 1000) / evaluate.ms;
    line(
      `  target: evaluation ≥ 50,000 small patients/s (both measures): ${n(perSecond)}/s → ${verdict(perSecond >= 50_000)} ` +
        `(first pass in a fresh process; the target is judged on it, the second pass is printed above)`,
    );
  }
}

line(`Equity Lens benchmark · Node ${process.version} · data in ${DATA}${FULL ? ' · --full' : ''}`);
for (const size of PROFILES) for (const patients of SIZES) await bench(size, patients);
if (!flag('--keep')) rmSync(DATA, { recursive: true, force: true });
else line(`\nExports kept in ${DATA}`);
