import { compactResource, type CompactResource } from './compact-resource';
import type { CompactRecord } from './engine-protocol';

/**
 * One patient's resources (as fetched for them, in any shape) reduced to what the engine reads, ready to post to
 * the worker: far less to structured-clone than whole resources. Resources that belong to another patient, and
 * those the measures cannot use, are left out; shared Medications that came with the patient are kept.
 */
export function compactRecord(patientId: string, resources: readonly unknown[]): CompactRecord {
  const kept: CompactResource[] = [];
  for (const raw of resources) {
    const p = compactResource(raw);
    if (p.kind === 'keep' && (p.patientId === patientId || p.patientId === undefined)) kept.push(p.resource);
  }
  return { patientId, resources: kept };
}
