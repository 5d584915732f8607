import { describe, expect, it } from 'vitest';
import { loadExport, type LoadStats, type MalformedLine } from '../../src/cli/export-loader';
import { loadPart, receivedBy, type PartLoad } from '../../src/cli/export-part-loader';
import { listExportFiles } from '../../src/cli/ndjson-export';
import { groupInReadingOrder } from '../../src/cli/placed-resource';
import { USED_RESOURCE_TYPES } from '../../src/worker/compact-resource';
import type { PatientRecordGrouper } from '../../src/worker/patient-record-grouper';
import { tempDir } from './run-cli';
import { writeTrickyExport } from './tricky-export';

/** Every record a grouper gives, by patient, resources in the order the engine gets them. */
function records(groupers: readonly PatientRecordGrouper[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const grouper of groupers) {
    for (const r of grouper.drain()) {
      expect(out[r.patientId], `${r.patientId} grouped by two parts`).toBeUndefined();
      out[r.patientId] = [...r.resources];
    }
  }
  return out;
}

const counts = (s: LoadStats) => ({ ...s, unreadable: s.unreadable.map((u) => u.file) });
const byPlace = (a: MalformedLine, b: MalformedLine) => a.file.localeCompare(b.file) || a.line - b.line;

// The threads' share of the work, run in this thread: what `loadInThreads` does, without the messages.
describe.each([2, 3])('an export loaded in %i parts', (parts) => {
  it('gives the records, counts and malformed lines of one reader, even where text hints mislead', async () => {
    const dir = tempDir('parts');
    const tricky = writeTrickyExport(dir);
    const files = (await listExportFiles(dir)).filter((f) => USED_RESOURCE_TYPES.has(f.resourceType ?? ''));
    const oneMalformed: MalformedLine[] = [];
    const one = await loadExport(files, { onMalformed: (m) => oneMalformed.push(m) });

    const partsMalformed: MalformedLine[] = [];
    const loads: PartLoad[] = [];
    for (let part = 0; part < parts; part++)
      loads.push(await loadPart(files, { part, parts, onMalformed: (m) => partsMalformed.push(m) }));
    const forwarded = loads.reduce((n, l) => n + l.forward.reduce((a, f) => a + f.length, 0), 0);
    expect(forwarded).toBeGreaterThanOrEqual(tricky.misleading);
    // The one Medication is read by one part; the requests naming it belong to patients of several parts.
    expect(loads.filter((l) => l.shared.length > 0)).toHaveLength(1);
    const naming = loads.map((l) => l.own.some((r) => r.resource.medicationReference !== undefined));
    expect(naming.filter(Boolean).length).toBeGreaterThan(1);
    const groupers = loads.map((l, part) => groupInReadingOrder(l.own, receivedBy(part, loads)));

    expect(records(groupers)).toEqual(records([one.grouper]));
    for (const key of ['lines', 'unparsed', 'kept', 'malformed'] as const)
      expect(
        loads.reduce((n, l) => n + l.stats[key], 0),
        key,
      ).toBe(one.stats[key]);
    for (const l of loads) expect(counts(l.stats).unreadable).toEqual(counts(one.stats).unreadable);
    expect(one.stats.malformed).toBe(tricky.malformed);
    expect(partsMalformed.sort(byPlace)).toEqual(oneMalformed.sort(byPlace));
  });
});
