import type { Rng } from '../sandbox/seed/prng';
import { VALUE_SETS, valueSetCodes } from '../src/measures/value-sets';

/** `small`: about 15 resources a patient. `synthea`: about 200, with Synthea's types, shapes and sizes. */
export type PatientSize = 'small' | 'synthea';

type Json = Record<string, unknown>;

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const CDC = 'urn:oid:2.16.840.1.113883.6.238';
const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition';

/** A code of a measure value set, so that the generated patients really enter the measures. */
function codeOf(url: string, index = 0): { system: string; code: string } {
  const key = [...valueSetCodes(url)][index] ?? '';
  const bar = key.lastIndexOf('|');
  return { system: key.slice(0, bar), code: key.slice(bar + 1) };
}

const OFFICE = [0, 1, 2, 3].map((i) => codeOf(VALUE_SETS.officeVisit, i));
const HYPERTENSION = codeOf(VALUE_SETS.essentialHypertension);
const DIABETES = codeOf(VALUE_SETS.diabetes, 3);
const ED = codeOf(VALUE_SETS.edVisit);

// Rough US shares (Census) for the strata; the benchmark needs plausible cardinalities, not exact figures.
const RACES: readonly (readonly [string, number])[] = [
  ['2106-3', 60],
  ['2054-5', 13],
  ['2028-9', 6],
  ['1002-5', 1],
  ['2076-8', 0.3],
  ['multi', 3],
  ['UNK', 5],
  ['ASKU', 3],
  ['none', 8.7],
];
const LANGUAGES = ['en', 'en', 'en', 'en', 'en', 'en', 'en', 'es', 'es', 'zh', 'vi', 'ko', 'ru', 'ht'];

function pickWeighted(rng: Rng, table: readonly (readonly [string, number])[]): string {
  const total = table.reduce((a, [, w]) => a + w, 0);
  let r = rng.next() * total;
  for (const [key, w] of table) if ((r -= w) < 0) return key;
  return table[0]?.[0] ?? '';
}

const concept = (system: string, code: string, display: string): Json => ({
  coding: [{ system, code, display }],
  text: display,
});
const pad = (n: number): string => String(n).padStart(2, '0');
const day = (year: number, dayOfYear: number): string => {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return `${String(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

function raceExtension(key: string): Json[] {
  if (key === 'none') return [];
  const omb =
    key === 'multi'
      ? [
          { url: 'ombCategory', valueCoding: { system: CDC, code: '2106-3', display: 'White' } },
          { url: 'ombCategory', valueCoding: { system: CDC, code: '2054-5', display: 'Black or African American' } },
        ]
      : key === 'UNK' || key === 'ASKU'
        ? [
            {
              url: 'ombCategory',
              valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', code: key },
            },
          ]
        : [{ url: 'ombCategory', valueCoding: { system: CDC, code: key } }];
  return [{ url: `${US_CORE}/us-core-race`, extension: [...omb, { url: 'text', valueString: 'race' }] }];
}

/** The resources of patient `index`: deterministic in (rng seed, index, size, year). */
export function buildSyntheticPatient(index: number, size: PatientSize, rng: Rng, year: number): Json[] {
  const id = `p${String(index)}`;
  const subject = { reference: `Patient/${id}` };
  const age = rng.int(18, 90);
  const hispanic = rng.chance(0.18);
  const out: Json[] = [];
  const meta = size === 'synthea' ? { meta: { profile: [`${US_CORE}/us-core-patient`] } } : {};
  out.push({
    resourceType: 'Patient',
    id,
    ...meta,
    extension: [
      ...raceExtension(pickWeighted(rng, RACES)),
      {
        url: `${US_CORE}/us-core-ethnicity`,
        extension: [
          { url: 'ombCategory', valueCoding: { system: CDC, code: hispanic ? '2135-2' : '2186-5' } },
          { url: 'text', valueString: hispanic ? 'Hispanic or Latino' : 'Not Hispanic or Latino' },
        ],
      },
      ...(size === 'synthea'
        ? [
            { url: 'http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName', valueString: 'Maiden123' },
            {
              url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
              valueAddress: { city: 'Boston', state: 'MA', country: 'US' },
            },
            {
              url: 'http://synthetichealth.github.io/synthea/disability-adjusted-life-years',
              valueDecimal: rng.next(),
            },
            {
              url: 'http://synthetichealth.github.io/synthea/quality-adjusted-life-years',
              valueDecimal: 40 * rng.next(),
            },
          ]
        : []),
    ],
    identifier: [{ system: 'https://example.org/mrn', value: `MRN${String(index)}` }],
    name: [{ use: 'official', family: `Family${String(index % 997)}`, given: [`Given${String(index % 389)}`] }],
    gender: rng.chance(0.5) ? 'female' : 'male',
    birthDate: day(year - age, rng.int(0, 364)),
    address: [
      {
        line: [`${String(index % 900)} Main St`],
        city: 'Boston',
        state: 'MA',
        postalCode: `02${String(100 + (index % 60))}`,
      },
    ],
    communication: [
      { language: { coding: [{ system: 'urn:ietf:bcp:47', code: rng.pick(LANGUAGES) }] }, preferred: true },
    ],
  });
  out.push({
    resourceType: 'Coverage',
    id: `${id}-cov`,
    status: 'active',
    beneficiary: subject,
    type: concept('https://nahdo.org/sopt', age >= 65 ? '1' : rng.pick(['2', '5', '5', '81']), 'payer'),
    period: { start: `${String(year - 3)}-01-01` },
  });
  const hypertension = rng.chance(0.35);
  const diabetes = rng.chance(0.14);
  const visits = size === 'small' ? 4 : 25;
  for (let v = 0; v < visits; v++) {
    const inYear = size === 'small' || v >= visits - 6;
    const when = inYear ? day(year, rng.int(0, 360)) : day(year - 1 - (v % 3), rng.int(0, 360));
    const ed = rng.chance(0.05);
    const type = ed ? ED : v % 3 === 0 ? (OFFICE[v % OFFICE.length] ?? ED) : { system: SNOMED, code: '185349003' };
    const encId = `${id}-e${String(v)}`;
    out.push({
      resourceType: 'Encounter',
      id: encId,
      ...(size === 'synthea'
        ? {
            meta: { profile: [`${US_CORE}/us-core-encounter`] },
            identifier: [{ system: 'https://github.com/synthetichealth/synthea', value: encId }],
          }
        : {}),
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: ed ? 'EMER' : 'AMB' },
      type: [concept(type.system, type.code, 'Encounter for check up (procedure)')],
      subject,
      participant: [{ individual: { reference: 'Practitioner/pr1', display: 'Dr. Practitioner' } }],
      period: { start: `${when}T09:00:00-05:00`, end: `${when}T09:30:00-05:00` },
      serviceProvider: { reference: 'Organization/o1', display: 'Clinic' },
    });
    {
      const b = 0;
      const systolic = rng.int(hypertension ? 118 : 100, hypertension ? 165 : 135);
      out.push({
        resourceType: 'Observation',
        id: `${encId}-bp${String(b)}`,
        status: 'final',
        category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'vital-signs', 'Vital signs')],
        code: concept(LOINC, '85354-9', 'Blood pressure panel with all children optional'),
        subject,
        encounter: { reference: `Encounter/${encId}` },
        effectiveDateTime: `${when}T09:10:00-05:00`,
        issued: `${when}T09:10:00.000-05:00`,
        component: [
          {
            code: concept(LOINC, '8480-6', 'Systolic blood pressure'),
            valueQuantity: { value: systolic, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
          },
          {
            code: concept(LOINC, '8462-4', 'Diastolic blood pressure'),
            valueQuantity: {
              value: rng.int(60, 98),
              unit: 'mm[Hg]',
              system: 'http://unitsofmeasure.org',
              code: 'mm[Hg]',
            },
          },
        ],
      });
    }
    const vitals = size === 'small' ? (v === 0 ? 2 : 0) : 2;
    for (let k = 0; k < vitals; k++) out.push(vital(`${encId}-v${String(k)}`, subject, encId, when, k, rng));
    if (size === 'synthea') {
      out.push(claim(`${encId}-claim`, subject, encId, when), eob(`${encId}-eob`, subject, encId, when, rng));
    }
  }
  if (hypertension) out.push(condition(`${id}-htn`, subject, HYPERTENSION, `${String(year - rng.int(1, 10))}-03-01`));
  if (diabetes) {
    out.push(condition(`${id}-dm`, subject, DIABETES, `${String(year - rng.int(1, 10))}-05-01`));
    const when = day(year, rng.int(0, 360));
    out.push({
      resourceType: 'Observation',
      id: `${id}-a1c`,
      status: 'final',
      category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'laboratory', 'Laboratory')],
      code: concept(LOINC, '4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood'),
      subject,
      effectiveDateTime: `${when}T10:00:00-05:00`,
      valueQuantity: {
        value: Math.round((5 + rng.next() * 7) * 10) / 10,
        unit: '%',
        system: 'http://unitsofmeasure.org',
        code: '%',
      },
    });
  }
  out.push(condition(`${id}-c0`, subject, { system: SNOMED, code: '444814009' }, `${String(year - 1)}-02-01`));
  out.push(procedure(`${id}-pr0`, subject, `${String(year)}-04-01`));
  if (size === 'synthea') addSyntheaExtras(out, id, subject, year, rng);
  return out;
}

function vital(id: string, subject: Json, encId: string, when: string, k: number, rng: Rng): Json {
  const kinds = [
    ['29463-7', 'Body Weight', 'kg', 50 + rng.next() * 60],
    ['8302-2', 'Body Height', 'cm', 150 + rng.next() * 40],
    ['39156-5', 'Body mass index (BMI) [Ratio]', 'kg/m2', 18 + rng.next() * 20],
    ['8867-4', 'Heart rate', '/min', 55 + rng.next() * 40],
    ['9279-1', 'Respiratory rate', '/min', 12 + rng.next() * 8],
  ] as const;
  const [code, display, unit, value] = kinds[(k + rng.int(0, 4)) % kinds.length] ?? kinds[0];
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'vital-signs', 'Vital signs')],
    code: concept(LOINC, code, display),
    subject,
    encounter: { reference: `Encounter/${encId}` },
    effectiveDateTime: `${when}T09:05:00-05:00`,
    issued: `${when}T09:05:00.000-05:00`,
    valueQuantity: { value: Math.round(value * 10) / 10, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

function condition(id: string, subject: Json, code: { system: string; code: string }, onset: string): Json {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active', 'Active'),
    verificationStatus: concept('http://terminology.hl7.org/CodeSystem/condition-ver-status', 'confirmed', 'Confirmed'),
    category: [
      concept('http://terminology.hl7.org/CodeSystem/condition-category', 'encounter-diagnosis', 'Encounter Diagnosis'),
    ],
    code: concept(code.system, code.code, 'Condition'),
    subject,
    onsetDateTime: `${onset}T08:00:00-05:00`,
    recordedDate: `${onset}T08:00:00-05:00`,
  };
}

function procedure(id: string, subject: Json, when: string): Json {
  return {
    resourceType: 'Procedure',
    id,
    status: 'completed',
    code: concept(SNOMED, '430193006', 'Medication Reconciliation (procedure)'),
    subject,
    performedPeriod: { start: `${when}T09:00:00-05:00`, end: `${when}T09:15:00-05:00` },
  };
}

function claim(id: string, subject: Json, encId: string, when: string): Json {
  return {
    resourceType: 'Claim',
    id,
    status: 'active',
    type: concept('http://terminology.hl7.org/CodeSystem/claim-type', 'professional', 'Professional'),
    use: 'claim',
    patient: subject,
    billablePeriod: { start: `${when}T09:00:00-05:00`, end: `${when}T09:30:00-05:00` },
    created: `${when}T09:30:00-05:00`,
    provider: { reference: 'Organization/o1', display: 'Clinic' },
    priority: concept('http://terminology.hl7.org/CodeSystem/processpriority', 'normal', 'Normal'),
    insurance: [{ sequence: 1, focal: true, coverage: { display: 'Medicaid' } }],
    item: [
      {
        sequence: 1,
        productOrService: concept(SNOMED, '185349003', 'Encounter for check up'),
        encounter: [{ reference: `Encounter/${encId}` }],
      },
      {
        sequence: 2,
        productOrService: concept(SNOMED, '430193006', 'Medication Reconciliation'),
        net: { value: 516.65, currency: 'USD' },
      },
    ],
    total: { value: 650.43, currency: 'USD' },
  };
}

function eob(id: string, subject: Json, encId: string, when: string, rng: Rng): Json {
  const adjudication = (amount: number): Json[] => [
    {
      category: concept(
        'https://bluebutton.cms.gov/resources/codesystem/adjudication',
        'https://bluebutton.cms.gov/resources/variables/line_coinsrnc_amt',
        'Line Beneficiary Coinsurance Amount',
      ),
      amount: { value: amount * 0.2, currency: 'USD' },
    },
    {
      category: concept(
        'https://bluebutton.cms.gov/resources/codesystem/adjudication',
        'https://bluebutton.cms.gov/resources/variables/line_prvdr_pmt_amt',
        'Line Provider Payment Amount',
      ),
      amount: { value: amount * 0.8, currency: 'USD' },
    },
    {
      category: concept(
        'https://bluebutton.cms.gov/resources/codesystem/adjudication',
        'https://bluebutton.cms.gov/resources/variables/line_sbmtd_chrg_amt',
        'Line Submitted Charge Amount',
      ),
      amount: { value: amount, currency: 'USD' },
    },
  ];
  return {
    resourceType: 'ExplanationOfBenefit',
    id,
    contained: [
      {
        resourceType: 'Coverage',
        id: 'coverage',
        status: 'active',
        type: { text: 'Medicaid' },
        beneficiary: subject,
        payor: [{ display: 'Medicaid' }],
      },
    ],
    identifier: [{ system: 'https://bluebutton.cms.gov/resources/variables/clm_id', value: id }],
    status: 'active',
    type: concept('http://terminology.hl7.org/CodeSystem/claim-type', 'professional', 'Professional'),
    use: 'claim',
    patient: subject,
    billablePeriod: { start: `${when}T09:00:00-05:00`, end: `${when}T09:30:00-05:00` },
    created: `${when}T09:30:00-05:00`,
    insurer: { display: 'Medicaid' },
    provider: { reference: 'Practitioner/pr1' },
    outcome: 'complete',
    careTeam: [
      {
        sequence: 1,
        provider: { reference: 'Practitioner/pr1' },
        role: concept('http://terminology.hl7.org/CodeSystem/claimcareteamrole', 'primary', 'Primary provider'),
      },
    ],
    insurance: [{ focal: true, coverage: { reference: '#coverage', display: 'Medicaid' } }],
    item: [1, 2].map((sequence) => ({
      sequence,
      productOrService: concept(SNOMED, '185349003', 'Encounter for check up'),
      servicedPeriod: { start: `${when}T09:00:00-05:00`, end: `${when}T09:30:00-05:00` },
      encounter: [{ reference: `Encounter/${encId}` }],
      adjudication: adjudication(Math.round(rng.next() * 50000) / 100),
    })),
    total: [
      {
        category: concept('http://terminology.hl7.org/CodeSystem/adjudication', 'submitted', 'Submitted Amount'),
        amount: { value: 650.43, currency: 'USD' },
      },
    ],
    payment: { amount: { value: 520.34, currency: 'USD' } },
  };
}

/** Immunizations, lab reports, medications and more observations: the bulk of a Synthea record. */
function addSyntheaExtras(out: Json[], id: string, subject: Json, year: number, rng: Rng): void {
  for (let k = 0; k < 5; k++) {
    out.push({
      resourceType: 'Immunization',
      id: `${id}-imm${String(k)}`,
      status: 'completed',
      vaccineCode: concept('http://hl7.org/fhir/sid/cvx', '140', 'Influenza, seasonal, injectable, preservative free'),
      patient: subject,
      occurrenceDateTime: `${day(year - (k % 4), rng.int(0, 360))}T09:00:00-05:00`,
      primarySource: true,
    });
  }
  for (let k = 0; k < 10; k++) {
    const when = day(year - (k % 4), rng.int(0, 360));
    out.push({
      resourceType: 'DiagnosticReport',
      id: `${id}-dr${String(k)}`,
      status: 'final',
      category: [concept('http://terminology.hl7.org/CodeSystem/v2-0074', 'LAB', 'Laboratory')],
      code: concept(LOINC, '51990-0', 'Basic metabolic panel - Blood'),
      subject,
      effectiveDateTime: `${when}T10:00:00-05:00`,
      issued: `${when}T10:00:00.000-05:00`,
      result: [1, 2, 3, 4].map((n) => ({
        reference: `Observation/${id}-lab${String(k)}-${String(n)}`,
        display: 'Glucose',
      })),
    });
    for (let n = 1; n <= 2; n++) {
      out.push({
        resourceType: 'Observation',
        id: `${id}-lab${String(k)}-${String(n)}`,
        status: 'final',
        category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'laboratory', 'Laboratory')],
        code: concept(
          LOINC,
          n === 1 ? '2339-0' : '2947-0',
          n === 1 ? 'Glucose [Mass/volume] in Blood' : 'Sodium [Moles/volume] in Blood',
        ),
        subject,
        effectiveDateTime: `${when}T10:00:00-05:00`,
        issued: `${when}T10:00:00.000-05:00`,
        valueQuantity: {
          value: Math.round(rng.next() * 1000) / 10,
          unit: 'mg/dL',
          system: 'http://unitsofmeasure.org',
          code: 'mg/dL',
        },
      });
    }
  }
  for (let k = 0; k < 8; k++) {
    out.push(
      condition(
        `${id}-c${String(k + 1)}`,
        subject,
        { system: SNOMED, code: '162864005' },
        `${String(year - 1 - (k % 3))}-0${String(1 + (k % 9))}-10`,
      ),
    );
    out.push(procedure(`${id}-pr${String(k + 1)}`, subject, `${String(year - (k % 3))}-06-0${String(1 + (k % 9))}`));
  }
  for (let k = 0; k < 5; k++) {
    out.push({
      resourceType: 'MedicationRequest',
      id: `${id}-mr${String(k)}`,
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: concept(
        'http://www.nlm.nih.gov/research/umls/rxnorm',
        '314076',
        'lisinopril 10 MG Oral Tablet',
      ),
      subject,
      authoredOn: `${day(year, rng.int(0, 360))}T09:00:00-05:00`,
      requester: { reference: 'Practitioner/pr1', display: 'Dr. Practitioner' },
      dosageInstruction: [
        { sequence: 1, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, asNeededBoolean: false },
      ],
    });
  }
}
