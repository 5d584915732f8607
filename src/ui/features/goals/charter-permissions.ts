import { CHARTER_WRITE_TYPES } from '../../../fhir/scopes';
import { allows } from '../../../fhir/scopes';

/** Whether the token lets the app read charters (search and read every charter resource type). */
export function canReadCharters(granted: readonly string[]): boolean {
  return CHARTER_WRITE_TYPES.every((t) => allows(granted, 'user', t, 's') && allows(granted, 'user', t, 'r'));
}

/** Whether the token lets the app create and update charters. */
export function canWriteCharters(granted: readonly string[]): boolean {
  return (
    canReadCharters(granted) &&
    CHARTER_WRITE_TYPES.every((t) => allows(granted, 'user', t, 'c') && allows(granted, 'user', t, 'u'))
  );
}
