import { join } from 'node:path';
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { exportNdjson } from '../../sandbox/seed/export-ndjson';
import { generatePopulation } from '../../sandbox/seed/population';
import { stratumKeysOf } from '../../src/domain/stratum-keys';
import { evaluatePatient } from '../../src/measures/evaluate-patient';
import { patientIdOf } from '../../src/worker/patient-reference';
import { overallCounts, raceCounts, runCli, tempDir } from './run-cli';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const population = generatePopulation({ seed: 11, patients: 300, anchor: '2026-06-30' });

/** The engine on whole, in-memory resources: what streaming and projection must not change. */
function direct(measure: 'cms165' | 'cms122') {
  const records = new Map<string, Resource[]>();
  for (const r of population.resources) {
    const id = r.resourceType === 'Patient' ? r.id : patientIdOf({ ...r });
    if (id !== undefined) records.set(id, [...(records.get(id) ?? []), r]);
  }
  const overall = new Map<string, number>();
  const race = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const [patientId, resources] of records) {
    const p = evaluatePatient(measure, { patientId, resources }, PERIOD).populations;
    if (!p.initialPopulation) continue;
    const key = stratumKeysOf(resources, { asOf: PERIOD.end }).value.race;
    bump(race, `${String(key)} initial-population`);
    bump(overall, 'initial-population');
    bump(overall, 'denominator');
    if (p.denominatorExclusion) bump(overall, 'denominator-exclusion');
    else if (p.numerator) bump(race, `${String(key)} numerator`);
    if (p.numerator && !p.denominatorExclusion) bump(overall, 'numerator');
  }
  return { overall, race };
}

describe('a sandbox population export through the command line', () => {
  it.each(['cms165', 'cms122'] as const)('%s counts what the engine counts on the whole resources', async (measure) => {
    const dir = tempDir('sandbox');
    await exportNdjson(population, dir);
    const out = join(dir, 'report.json');
    const run = await runCli([
      '--measure',
      measure,
      '--period',
      '2026',
      '--ndjson',
      dir,
      '--out',
      out,
      '--no-suppression',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('malformed');
    const expected = direct(measure);
    expect((await overallCounts(out)).get('initial-population')).toBeGreaterThan(20);
    expect(Object.fromEntries(await overallCounts(out))).toMatchObject(Object.fromEntries(expected.overall));
    const race = await raceCounts(out);
    for (const [key, count] of expected.race) expect({ key, count: race.get(key) ?? 0 }).toEqual({ key, count });
    expect(run.stdout).toContain('Race, compared with everyone else');
  });
});
