import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeDeckExport } from './deck-export';
import { overallCounts, runCli, tempDir } from './run-cli';

const args = (dir: string, ...more: string[]) => [
  '--measure',
  'cms165',
  '--period',
  '2026',
  '--ndjson',
  dir,
  '--out',
  join(dir, 'report.json'),
  '--no-suppression',
  ...more,
];

describe('npm run measure', () => {
  it('reports malformed lines by file and line, skips them and still measures everyone else', async () => {
    const dir = tempDir('malformed');
    const { expected } = writeDeckExport('CMS165-2025', dir);
    const observations = join(dir, 'Observation.ndjson');
    const lines = readFileSync(observations, 'utf8').trimEnd().split('\n').length;
    const bp = '"code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]}';
    appendFileSync(
      observations,
      `{"resourceType": "Observation", "id": \n\n[1, 2]\n{"resourceType":"Observation",${bp}}\n`,
    );
    const run = await runCli(args(dir));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Observation.ndjson:${lines + 1}: not valid JSON; line skipped`);
    expect(run.stderr).toContain(`Observation.ndjson:${lines + 3}: not a JSON object; line skipped`);
    expect(run.stderr).toContain(`Observation.ndjson:${lines + 4}: Observation without an id; line skipped`);
    expect(run.stderr).toContain('3 malformed line(s) skipped');
    expect(await overallCounts(join(dir, 'report.json'))).toEqual(expected);

    // A line whose text shows no code the measure uses is not even parsed, unless --parse-all asks for it.
    appendFileSync(observations, '{"resourceType":"Observation","code":{"coding":[{"code":"29463-7"}]}}\n');
    expect((await runCli(args(dir))).stderr).toContain('3 malformed line(s) skipped');
    const all = await runCli(args(dir, '--parse-all'));
    expect(all.stderr).toContain(`Observation.ndjson:${lines + 5}: Observation without an id; line skipped`);
  });

  it('reads gzipped files', async () => {
    const dir = tempDir('gzip');
    const { expected } = writeDeckExport('CMS165-2025', dir);
    for (const type of ['Patient', 'Condition', 'Encounter']) {
      const file = join(dir, `${type}.ndjson`);
      writeFileSync(`${file}.gz`, gzipSync(readFileSync(file)));
      rmSync(file);
    }
    const run = await runCli(args(dir));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Read Patient.ndjson.gz: 68 lines');
    expect(await overallCounts(join(dir, 'report.json'))).toEqual(expected);
  });

  it('exits 2 with the usage on a usage error, 1 when nothing is readable', async () => {
    const usage = await runCli(['--measure', 'cms165']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--period is required');
    expect(usage.stderr).toContain('Usage: npm run measure');

    const empty = tempDir('empty');
    expect((await runCli(args(empty))).code).toBe(1);
    writeFileSync(join(empty, 'Patient.ndjson'), 'not json\n');
    const garbage = await runCli(args(empty));
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toContain('Patient.ndjson:1: not valid JSON');
    expect((await runCli(args(join(empty, 'missing')))).code).toBe(1);
  });
});
