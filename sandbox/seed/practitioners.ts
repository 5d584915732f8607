import type { Organization, Practitioner } from 'fhir/r4';
import { SYSTEM } from './codes';
import type { Language } from './population-mix';

/** The payer categories the generator assigns (mapped to Source of Payment Typology codes on Coverage). */
export type Payer = 'medicare' | 'medicaid' | 'private' | 'uninsured';

/** A clinician whose panel the sandbox fills, with the panel's designed payer mix for patients under 65. */
export interface PractitionerSpec {
  readonly id: string;
  readonly given: string;
  readonly family: string;
  readonly gender: 'female' | 'male';
  /** The first nine digits of the NPI; the tenth, a Luhn check digit, is computed. */
  readonly npiBase: string;
  /** Languages the clinician speaks besides English: patients preferring them are steered to this panel. */
  readonly languages: readonly Language[];
  /** Relative panel size for patients with no language match. */
  readonly weight: number;
  /** Payer shares among patients under 65 (65 and over are mostly Medicare whatever the panel). */
  readonly payerMixUnder65: Readonly<Record<Exclude<Payer, 'medicare'>, number>>;
}

export const ORGANIZATION_ID = 'org-clinic';

/** Seven panels whose payer mixes differ clearly: from 45 % Medicaid (under 65) down to 5 %. */
export const PRACTITIONERS: readonly PractitionerSpec[] = [
  {
    id: 'prac-01',
    given: 'María',
    family: 'Ramírez',
    gender: 'female',
    npiBase: '198765432',
    languages: ['es'],
    weight: 1,
    payerMixUnder65: { medicaid: 0.45, private: 0.3, uninsured: 0.25 },
  },
  {
    id: 'prac-02',
    given: 'James',
    family: 'Whitfield',
    gender: 'male',
    npiBase: '145678901',
    languages: [],
    weight: 1.4,
    payerMixUnder65: { medicaid: 0.05, private: 0.9, uninsured: 0.05 },
  },
  {
    id: 'prac-03',
    given: 'Thanh',
    family: 'Nguyen',
    gender: 'female',
    npiBase: '156789012',
    languages: ['vi'],
    weight: 0.9,
    payerMixUnder65: { medicaid: 0.35, private: 0.55, uninsured: 0.1 },
  },
  {
    id: 'prac-04',
    given: 'Aisha',
    family: 'Bello',
    gender: 'female',
    npiBase: '167890123',
    languages: ['fr'],
    weight: 1.1,
    payerMixUnder65: { medicaid: 0.4, private: 0.45, uninsured: 0.15 },
  },
  {
    id: 'prac-05',
    given: 'Rebecca',
    family: 'Goldstein',
    gender: 'female',
    npiBase: '178901234',
    languages: ['ru'],
    weight: 1.3,
    payerMixUnder65: { medicaid: 0.15, private: 0.8, uninsured: 0.05 },
  },
  {
    id: 'prac-06',
    given: 'Jean-Baptiste',
    family: 'Pierre',
    gender: 'male',
    npiBase: '189012345',
    languages: ['ht', 'fr'],
    weight: 0.9,
    payerMixUnder65: { medicaid: 0.4, private: 0.4, uninsured: 0.2 },
  },
  {
    id: 'prac-07',
    given: 'Wei',
    family: 'Chen',
    gender: 'male',
    npiBase: '190123456',
    languages: ['zh', 'ko'],
    weight: 1,
    payerMixUnder65: { medicaid: 0.25, private: 0.65, uninsured: 0.1 },
  },
];

/** Share of patients preferring a language a clinician speaks who are placed on that clinician's panel. */
export const LANGUAGE_MATCH_SHARE = 0.65;

/** The NPI's check digit: Luhn over "80840" + the first nine digits (CMS NPI standard). */
export function npiCheckDigit(base9: string): number {
  const digits = `80840${base9}`.split('').map(Number);
  let sum = 0;
  // Double every second digit from the right of the payload (the check digit will sit to its right).
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits[i] ?? 0;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The full ten-digit NPI of a practitioner spec. */
export function npiOf(spec: PractitionerSpec): string {
  return `${spec.npiBase}${npiCheckDigit(spec.npiBase)}`;
}

/** The display name used on references and in the launch page. */
export function practitionerDisplay(spec: PractitionerSpec): string {
  return `Dr. ${spec.given} ${spec.family}`;
}

/** The Practitioner resource of a spec. */
export function buildPractitioner(spec: PractitionerSpec): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: spec.id,
    meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner'] },
    identifier: [{ system: SYSTEM.npi, value: npiOf(spec) }],
    active: true,
    name: [{ use: 'official', family: spec.family, given: [spec.given], prefix: ['Dr.'], suffix: ['MD'] }],
    gender: spec.gender,
    communication: [
      { coding: [{ system: SYSTEM.bcp47, code: 'en', display: 'English' }] },
      ...spec.languages.map((code) => ({ coding: [{ system: SYSTEM.bcp47, code }] })),
    ],
  };
}

/** Payer organisations referenced by Coverage.payor. Names are fictional except the public programmes. */
export const PAYER_ORGANIZATIONS = {
  medicare: { id: 'org-payer-medicare', name: 'Medicare (Centers for Medicare & Medicaid Services)' },
  medicaid: { id: 'org-payer-medicaid', name: 'MassHealth (Massachusetts Medicaid)' },
  privateA: { id: 'org-payer-bayside', name: 'Bayside Health Plan' },
  privateB: { id: 'org-payer-harborview', name: 'Harborview Insurance Company' },
} as const;

/** The clinic and the payers. */
export function buildOrganizations(): Organization[] {
  const clinic: Organization = {
    resourceType: 'Organization',
    id: ORGANIZATION_ID,
    identifier: [{ system: SYSTEM.npi, value: `112233445${npiCheckDigit('112233445')}` }],
    active: true,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov' }] }],
    name: 'Harbor Street Community Health Center',
    telecom: [{ system: 'phone', value: '617-555-0100' }],
    address: [{ line: ['100 Harbor St'], city: 'Boston', state: 'MA', postalCode: '02128', country: 'US' }],
  };
  const payers = Object.values(PAYER_ORGANIZATIONS).map((p): Organization => ({
    resourceType: 'Organization',
    id: p.id,
    active: true,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'pay' }] }],
    name: p.name,
  }));
  return [clinic, ...payers];
}
