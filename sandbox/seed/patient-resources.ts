import type { Condition, Coverage, Encounter, Observation, Patient, Procedure, ServiceRequest } from 'fhir/r4';

/** The resources of one patient, by type (the population concatenates them type by type). */
export interface PatientResources {
  readonly patient: Patient;
  readonly coverages: Coverage[];
  readonly encounters: Encounter[];
  readonly conditions: Condition[];
  readonly observations: Observation[];
  readonly procedures: Procedure[];
  readonly serviceRequests: ServiceRequest[];
}

/** Deterministic ids per patient and prefix: `obs-000123-007`. */
export class ResourceIds {
  private readonly counters = new Map<string, number>();
  constructor(private readonly pid: string) {}
  next(prefix: string, width: number): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${this.pid}-${String(n).padStart(width, '0')}`;
  }
}
