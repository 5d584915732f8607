import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { exportNdjson, main } from '../../sandbox/seed/export-ndjson';
import { generatePopulation } from '../../sandbox/seed/population';

const dirs: string[] = [];
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'seed-export-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const lines = (text: string): unknown[] =>
  text
    .trim()
    .split('\n')
    .map((l): unknown => JSON.parse(l));

describe('export-ndjson', () => {
  it('writes one NDJSON file per resource type with every resource once', async () => {
    const pop = generatePopulation({ seed: 3, patients: 40, anchor: '2026-05-20' });
    const dir = await tempDir();
    const files = await exportNdjson(pop, dir);
    expect(files.map((f) => f.resourceType)).toContain('Patient');
    let total = 0;
    for (const f of files) {
      const rows = lines(await readFile(f.path, 'utf8'));
      expect(rows.length).toBe(f.count);
      expect(
        rows.every(
          (r) => typeof r === 'object' && r !== null && 'resourceType' in r && r.resourceType === f.resourceType,
        ),
      ).toBe(true);
      total += rows.length;
    }
    expect(total).toBe(pop.resources.length);
  });

  it('runs as a command line with --gzip and --summary', async () => {
    const dir = await tempDir();
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true; // keep the test output quiet
    try {
      await main(['--patients', '25', '--seed', '9', '--anchor', '2026-11-01', '--out', dir, '--gzip', '--summary']);
    } finally {
      process.stdout.write = write;
    }
    const names = await readdir(dir);
    expect(names).toContain('Patient.ndjson.gz');
    expect(names).toContain('summary.json');
    const patients = lines(gunzipSync(await readFile(join(dir, 'Patient.ndjson.gz'))).toString('utf8'));
    expect(patients.length).toBe(25);
    await expect(main(['--patients', 'many', '--out', dir])).rejects.toThrow(/--patients must be an integer/);
  });
});
