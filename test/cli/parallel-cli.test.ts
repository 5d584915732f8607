import { describe, expect, it } from 'vitest';
import { exportNdjson } from '../../sandbox/seed/export-ndjson';
import { generatePopulation } from '../../sandbox/seed/population';
import { writeDeckExport } from './deck-export';
import { overallCounts, tempDir } from './run-cli';
import { runWithThreads } from './thread-runs';
import { writeTrickyExport } from './tricky-export';

// The parallel path must print and write exactly what `--threads 1` (the in-process path) does.
const STRATA = ['--stratify', 'race,ethnicity,language,payer', '--intersect', 'race+sex'];
const TIMEOUT = 60_000;

describe('npm run measure with worker threads', () => {
  it.each(['cms165', 'cms122'])(
    'measures a sandbox population export (%s) exactly as one thread does',
    async (measure) => {
      const dir = tempDir('threads-sandbox');
      await exportNdjson(generatePopulation({ seed: 7, patients: 400, anchor: '2026-06-30' }), dir);
      const argv = ['--measure', measure, '--period', '2026', ...STRATA];
      const one = await runWithThreads(dir, 1, argv);
      const three = await runWithThreads(dir, 3, argv);
      expect(one.code).toBe(0);
      expect([one.threaded, three.threaded]).toEqual([false, true]);
      expect(three).toEqual({ ...one, threaded: true });
    },
    TIMEOUT,
  );

  it.each([
    { deck: 'CMS165-2025', measure: 'cms165' },
    { deck: 'CMS122-2025', measure: 'cms122' },
  ])(
    'measures the $deck deck exactly as one thread does',
    async ({ deck, measure }) => {
      const dir = tempDir('threads-deck');
      writeDeckExport(deck, dir);
      const argv = ['--measure', measure, '--period', '2026', '--no-suppression', ...STRATA];
      const one = await runWithThreads(dir, 1, argv);
      expect(await runWithThreads(dir, 2, argv)).toEqual({ ...one, threaded: true });
    },
    TIMEOUT,
  );

  it(
    'hands misplaced resources and shared Medications over, and reports bad lines and files once, in order',
    async () => {
      const dir = tempDir('threads-tricky');
      const { expected, malformed } = writeTrickyExport(dir);
      const argv = ['--measure', 'cms165', '--period', '2026', '--no-suppression', '--stratify', 'race,payer'];
      const one = await runWithThreads(dir, 1, argv);
      expect(one.stderr).toContain(`${malformed} malformed line(s) skipped (the first 50 are listed above)`);
      expect(one.stderr).toContain('Encounter-2.ndjson.gz: could not be read to the end');
      const counts = await overallCounts(`${dir}/report-1.json`);
      for (const [code, count] of expected) expect({ code, count: counts.get(code) }).toEqual({ code, count });
      for (const threads of [2, 3])
        expect(await runWithThreads(dir, threads, argv)).toEqual({ ...one, threaded: true });
    },
    TIMEOUT,
  );
});
