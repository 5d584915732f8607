import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { z } from 'zod';
import { runMeasureCommand } from '../../src/cli/measure-command';

/** What one run of the command printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm run measure -- <argv>` in-process, capturing its output. */
export async function runCli(argv: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runMeasureCommand(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    interactive: false,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory, removed when the current test finishes. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `equity-lens-${prefix}-`));
  onTestFinished(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

const Coded = z.object({ coding: z.array(z.object({ code: z.string() })) });
const Populations = z.array(z.object({ code: Coded, count: z.number() })).optional();
const Summary = z.object({
  resourceType: z.literal('MeasureReport'),
  type: z.literal('summary'),
  group: z.array(
    z.object({
      population: Populations,
      stratifier: z.array(
        z.object({
          code: z.array(Coded),
          stratum: z.array(z.object({ value: Coded.optional(), population: Populations })),
        }),
      ),
    }),
  ),
});

async function readSummary(path: string) {
  return Summary.parse(JSON.parse(await readFile(path, 'utf8')));
}

/** The overall population counts of the summary MeasureReport the command wrote, by population code. */
export async function overallCounts(path: string): Promise<Map<string, number>> {
  const report = await readSummary(path);
  return new Map((report.group[0]?.population ?? []).map((p) => [p.code.coding[0]?.code ?? '', p.count]));
}

/** `<race key> <population code>` → count, from the summary's race stratifier. */
export async function raceCounts(path: string): Promise<Map<string, number>> {
  const report = await readSummary(path);
  const race = report.group[0]?.stratifier.find((s) => s.code[0]?.coding[0]?.code === 'race');
  const counts = new Map<string, number>();
  for (const stratum of race?.stratum ?? []) {
    const key = stratum.value?.coding[0]?.code ?? '';
    for (const p of stratum.population ?? []) counts.set(`${key} ${p.code.coding[0]?.code ?? ''}`, p.count);
  }
  return counts;
}
