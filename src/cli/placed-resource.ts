import type { CompactResource } from '../worker/compact-resource';
import { PatientRecordGrouper } from '../worker/patient-record-grouper';

/** A compact resource with the patient it belongs to (undefined: a shared Medication) and where it was read. */
export interface PlacedResource {
  /** Orders resources as one reader of the whole export meets them: see {@link linePosition}. */
  readonly position: number;
  readonly patientId: string | undefined;
  readonly resource: CompactResource;
}

/** Files in reading order, then lines: exact below 2³² lines a file and 2²¹ files. */
export function linePosition(fileIndex: number, line: number): number {
  return fileIndex * 2 ** 32 + line;
}

/**
 * Groups one thread's resources by patient in reading order: its own (already in order) merged with those it
 * received from other threads (a wrong guess at their patient, or a shared Medication). The grouper then holds each
 * patient's resources in the order a single reader would have added them, so the first Patient copy, duplicates
 * and the last Medication of an id are the same as on one thread.
 */
export function groupInReadingOrder(
  own: readonly PlacedResource[],
  received: readonly PlacedResource[],
): PatientRecordGrouper {
  const others = [...received].sort((a, b) => a.position - b.position);
  const grouper = new PatientRecordGrouper();
  let j = 0;
  for (const r of own) {
    for (let o = others[j]; o !== undefined && o.position < r.position; o = others[++j])
      grouper.add(o.resource, o.patientId);
    grouper.add(r.resource, r.patientId);
  }
  for (let o = others[j]; o !== undefined; o = others[++j]) grouper.add(o.resource, o.patientId);
  return grouper;
}
