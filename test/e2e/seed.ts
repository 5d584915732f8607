/** The population every end-to-end test runs against: small enough to start fast, large enough for real strata. */
export const E2E_SEED = { seed: 42, patients: 400, anchor: '2026-11-01' } as const;
