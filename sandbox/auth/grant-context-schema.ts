import { z } from 'zod';
import { SANDBOX_PROFILES } from './profiles';
import type { GrantContext } from './launch-context';

/**
 * The launch context as stored in an access token's `extra` (see `extraTokenClaims`). oidc-provider hands it back
 * as plain JSON, so it is parsed rather than trusted.
 */
export const grantContextSchema = z.object({
  profile: z.enum(SANDBOX_PROFILES),
  fhirUser: z.string().min(1),
  patient: z.string().min(1).optional(),
  scope: z.array(z.string()),
});

/** Reads the sandbox launch context from an access token's `extra`, or `undefined` when it has none. */
export function grantContextFromExtra(extra: unknown): GrantContext | undefined {
  const parsed = z.object({ smart: grantContextSchema }).safeParse(extra);
  return parsed.success ? parsed.data.smart : undefined;
}
