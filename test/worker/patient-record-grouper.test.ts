import { describe, expect, it } from 'vitest';
import type { CompactResource } from '../../src/worker/compact-resource';
import { PatientRecordGrouper } from '../../src/worker/patient-record-grouper';

const patient = (id: string): CompactResource => ({ resourceType: 'Patient', id });
const observation = (id: string, patientId: string): CompactResource => ({
  resourceType: 'Observation',
  id,
  subject: { reference: `Patient/${patientId}` },
});
const order = (id: string, medication: string): CompactResource => ({
  resourceType: 'MedicationRequest',
  id,
  medicationReference: { reference: `Medication/${medication}` },
});
const medication = (id: string, code: string): CompactResource => ({
  resourceType: 'Medication',
  id,
  code: { text: code },
});

const ids = (records: readonly { readonly patientId: string }[]): string[] => records.map((r) => r.patientId);

describe('patient record grouper: change tracking', () => {
  it('hands out patients once they have been quiet for enough pages, least recently changed first', () => {
    const g = new PatientRecordGrouper({ trackChanges: true });
    g.add(patient('a'), 'a');
    g.add(patient('b'), 'b');
    g.endPage();
    g.add(observation('o1', 'a'), 'a');
    g.endPage();
    // a changed on page 1, b on page 0; one quiet page: only b has had it.
    expect(ids(g.takeSettled(2, 10))).toEqual(['b']);
    g.endPage();
    expect(ids(g.takeSettled(2, 10))).toEqual(['a']);
    // Handed out and unchanged: not again.
    expect(g.takeSettled(0, 10)).toEqual([]);
  });

  it('hands a patient out again when their resources keep coming after it was handed out', () => {
    const g = new PatientRecordGrouper({ trackChanges: true });
    g.add(patient('a'), 'a');
    g.add(observation('o1', 'a'), 'a');
    expect(ids(g.takeSettled(0, 10))).toEqual(['a']);
    // The same patient as the last change, right after it was handed out: a change all the same.
    g.add(observation('o2', 'a'), 'a');
    expect(ids(g.takeSettled(0, 10))).toEqual(['a']);
    g.add(patient('b'), 'b');
    g.add(observation('o3', 'b'), 'b');
    g.add(observation('o4', 'a'), 'a');
    // a changed last: b first.
    expect(ids(g.takeSettled(0, 10))).toEqual(['b', 'a']);
    expect(g.takeSettled(0, 10)).toEqual([]);
  });

  it('respects the limit and skips patients whose Patient resource has not arrived', () => {
    const g = new PatientRecordGrouper({ trackChanges: true });
    g.add(observation('o1', 'x'), 'x');
    for (const id of ['a', 'b', 'c']) g.add(patient(id), id);
    expect(ids(g.takeSettled(0, 2))).toEqual(['a', 'b']);
    expect(ids(g.takeSettled(0, 2))).toEqual(['c']);
    // x's Patient arrives: now x can be handed out, with what had arrived before.
    g.add(patient('x'), 'x');
    const [x] = g.takeSettled(0, 5);
    expect(x?.resources.map((r) => r.id)).toEqual(['x', 'o1']);
  });

  it('drains every patient in first-met order, with a record only for those changed since handed out', () => {
    const g = new PatientRecordGrouper({ trackChanges: true });
    for (const id of ['a', 'b', 'c']) g.add(patient(id), id);
    g.takeSettled(0, 10);
    g.add(observation('o1', 'b'), 'b');
    g.add(patient('d'), 'd');
    const drained = [...g.drainChanges()];
    expect(drained.map((d) => [d.patientId, d.record?.resources.map((r) => r.id)])).toEqual([
      ['a', undefined],
      ['b', ['b', 'o1']],
      ['c', undefined],
      ['d', ['d']],
    ]);
    expect(g.size).toBe(0);
  });

  it('counts a Medication arriving after an order that names it as a change of that patient', () => {
    const g = new PatientRecordGrouper({ trackChanges: true });
    g.add(patient('a'), 'a');
    g.add(order('mr1', 'm1'), 'a');
    g.add(patient('b'), 'b');
    const first = g.takeSettled(0, 10);
    expect(first.find((r) => r.patientId === 'a')?.resources.map((r) => r.id)).toEqual(['a', 'mr1']);
    g.add(medication('m1', 'lisinopril'), undefined);
    const drained = [...g.drainChanges()];
    expect(drained.find((d) => d.patientId === 'a')?.record?.resources.map((r) => r.id)).toEqual(['a', 'mr1', 'm1']);
    expect(drained.find((d) => d.patientId === 'b')?.record).toBeUndefined();
  });

  it('without change tracking hands nothing out and drains every record', () => {
    const g = new PatientRecordGrouper();
    g.add(patient('a'), 'a');
    g.endPage();
    expect(g.takeSettled(0, 10)).toEqual([]);
    expect(ids([...g.drain()])).toEqual(['a']);
  });
});
