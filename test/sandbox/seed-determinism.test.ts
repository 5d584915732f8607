import { describe, expect, it } from 'vitest';
import { generatePopulation } from '../../sandbox/seed/population';

const ID = /^[A-Za-z0-9\-.]{1,64}$/; // FHIR id

describe('generatePopulation determinism', () => {
  const a = generatePopulation({ seed: 42, patients: 300, anchor: '2026-11-01' });

  it('gives identical output for identical inputs', () => {
    const b = generatePopulation({ seed: 42, patients: 300, anchor: '2026-11-01' });
    expect(JSON.stringify(b.resources)).toBe(JSON.stringify(a.resources));
    expect(b.summary).toEqual(a.summary);
  });

  it('gives different output for a different seed, with the same ids for patients', () => {
    const b = generatePopulation({ seed: 43, patients: 300, anchor: '2026-11-01' });
    expect(JSON.stringify(b.resources)).not.toBe(JSON.stringify(a.resources));
    const patients = (p: typeof a): string[] =>
      p.resources.filter((r) => r.resourceType === 'Patient').map((r) => r.id ?? '');
    expect(patients(b)).toEqual(patients(a));
  });

  it('makes the first N patients the same whatever the total (each patient has its own stream)', () => {
    const big = generatePopulation({ seed: 42, patients: 600, anchor: '2026-11-01' });
    const mine = (r: { id?: string }): boolean => /-(000[0-2]\d\d|000300)(-|$)/.test(r.id ?? '');
    expect(JSON.stringify(big.resources.filter(mine))).toBe(JSON.stringify(a.resources.filter(mine)));
  });

  it('writes unique, valid ids, with patients first among clinical resources', () => {
    const ids = a.resources.map((r) => `${r.resourceType}/${r.id ?? ''}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(a.resources.every((r) => ID.test(r.id ?? ''))).toBe(true);
    expect(a.resources.find((r) => r.resourceType === 'Patient')?.id).toBe('pat-000001');
    const firstClinical = a.resources.findIndex((r) => r.resourceType === 'Coverage');
    const lastPatient = a.resources.map((r) => r.resourceType).lastIndexOf('Patient');
    expect(lastPatient).toBeLessThan(firstClinical);
  });

  it('rejects bad options', () => {
    expect(() => generatePopulation({ seed: 1.5, patients: 10, anchor: '2026-11-01' })).toThrow(/seed/);
    expect(() => generatePopulation({ seed: 1, patients: -1, anchor: '2026-11-01' })).toThrow(/patients/);
    expect(() => generatePopulation({ seed: 1, patients: 10, anchor: '2026-02-30' })).toThrow(/calendar date/);
  });

  it('generates 5,000 patients quickly', () => {
    const started = performance.now();
    const p = generatePopulation({ seed: 1, patients: 5000, anchor: '2026-06-30' });
    // ~110k resources; about 1 s on this machine when idle, so 10 s leaves room for a busy shared CI box.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(p.summary.totalResources).toBeGreaterThan(80_000);
  });
});
