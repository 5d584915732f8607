import type { Mapped } from './domain-warning';
import { isObject, objects, str } from './guards';

const PRACTITIONER_REF = /(?:^|\/)(Practitioner\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/**
 * The first `Patient.generalPractitioner` that references a Practitioner, as `Practitioner/<id>` (an absolute URL
 * or a `_history` suffix is trimmed so the same clinician has one key); `absent` when there is none.
 */
export function practitionerOf(patient: unknown): Mapped<string> {
  if (!isObject(patient)) return { value: 'absent', warnings: [] };
  for (const ref of objects(patient, 'generalPractitioner')) {
    const m = PRACTITIONER_REF.exec(str(ref, 'reference') ?? '');
    if (m?.[1] !== undefined) return { value: m[1], warnings: [] };
  }
  return { value: 'absent', warnings: [] };
}
