import { FhirGateway } from '../../src/fhir/fhir-gateway';
import type { Charter } from '../../src/measures/charter-model';
import { freezeBaseline } from '../../src/measures/charter-model';
import type { PdsaCycle } from '../../src/measures/pdsa-cycle';
import { startFhirHarness } from '../sandbox/fhir-harness';
import type { Harness } from '../sandbox/fhir-harness';

/** The sandbox FHIR server (with its validation) in-process, and a gateway on it with a full-access token. */
export async function charterServer(): Promise<{ harness: Harness; gateway: FhirGateway }> {
  const harness = await startFhirHarness([]);
  const fetchOnHarness = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    return fetch(url.replace(harness.publicBase, `${harness.origin}/fhir`), init);
  };
  const gateway = new FhirGateway({ baseUrl: harness.publicBase, accessToken: () => 'admin', fetch: fetchOnHarness });
  return { harness, gateway };
}

const counts = (numerator: number, denominator: number) => ({
  initialPopulation: denominator + 5,
  denominator,
  denominatorExclusion: 2,
  denominatorException: 0,
  numerator,
});

/** A CMS165 charter: Black women vs everyone else among Medicaid patients, baseline 40% vs 60%. */
export const CHARTER: Charter = {
  title: 'Blood pressure control for Black women',
  spec: {
    measure: 'cms165',
    stratifier: ['race', 'sex'],
    focus: { keys: ['2054-5', 'female'], label: 'Black or African American × Female' },
    reference: { kind: 'complement', label: 'everyone else' },
    filters: [{ dimension: 'payer', keys: ['medicaid'], label: 'Medicaid' }],
    ageRange: { min: 30, max: 65 },
    populationLabel: 'adults 18–85 with hypertension',
  },
  goals: {
    improvement: { kind: 'relative', amount: 10 },
    gapReduction: { kind: 'absolute', amount: 8 },
    start: '2026-11-01',
    deadline: '2027-11-01',
  },
  baseline: freezeBaseline(
    {
      period: { start: '2026-01-01', end: '2026-12-31' },
      overall: counts(140, 252),
      focus: counts(20, 52),
      reference: counts(120, 200),
    },
    '2026-11-01T09:30:00.000Z',
  ),
  sponsor: 'Dr. Ada Chief, CMO',
  team: 'Nurse lead\nMedical assistant\nData analyst',
  status: 'active',
};

export const cycle = (start: string, plannedEnd: string, change: string): PdsaCycle => ({
  change,
  targetGroup: 'Black women 40–50 with uncontrolled hypertension',
  metric: { name: 'Outreach calls made', goal: 20 },
  start,
  plannedEnd,
  startSnapshot: CHARTER.baseline.snapshot,
  study: '',
});
