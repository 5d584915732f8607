import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { partOfPatient } from '../../src/cli/line-ownership';
import { writeDeckExport } from './deck-export';

const Resource = z.looseObject({ resourceType: z.string(), id: z.string() });
type Resource = z.infer<typeof Resource>;
const Reference = z.object({ reference: z.string() });
const Coded = z.object({ coding: z.array(z.object({ code: z.string() })) });

const BP = '{"coding":[{"system":"http://loinc.org","code":"85354-9"}]}';

/** What was written: the deck's expected counts (unchanged by the tricks) and how many lines are malformed. */
export interface TrickyExport {
  readonly expected: ReadonlyMap<string, number>;
  readonly malformed: number;
  /** Resources whose text names another patient's thread first, for 2 to 4 threads. */
  readonly misleading: number;
}

/**
 * The CMS165 deck as an export that a parallel reader can get wrong: every Condition names another patient (its
 * `asserter`, owned by another thread) before its own, which is only in `patient`; every patient gets a Coverage
 * whose subscriber is another patient, written before the deck's own Coverages (ties between Coverages keep reading
 * order, so a Coverage added out of order changes the payer); the MedicationRequests coding the deck's Medication
 * name it by reference instead; and there are 60 malformed lines, a gzip file broken off, CRLF line ends, a
 * byte-order mark, blank lines, a pretty-printed and an absolute reference. Measured correctly, the deck's expected
 * counts still hold.
 */
export function writeTrickyExport(dir: string): TrickyExport {
  const { expected } = writeDeckExport('CMS165-2025', dir);
  const read = (name: string): Resource[] =>
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => Resource.parse(JSON.parse(l)));
  const write = (name: string, lines: readonly string[], eol = '\n'): void => {
    writeFileSync(join(dir, name), lines.map((l) => l + eol).join(''));
  };
  const patients = read('Patient.ndjson').map((p) => p.id);
  const elsewhere = (id: string): string => {
    const other = patients.find((p) => [2, 3, 4].every((n) => partOfPatient(p, n) !== partOfPatient(id, n)));
    if (other === undefined) throw new Error(`no patient is apart from ${id}`);
    return other;
  };
  const refOf = (value: unknown): string => Reference.parse(value).reference.replace('Patient/', '');

  const conditions = read('Condition.ndjson').map(({ resourceType, id, subject, ...rest }) =>
    JSON.stringify({
      resourceType,
      id,
      asserter: { reference: `Patient/${elsewhere(refOf(subject))}` },
      ...rest,
      patient: subject,
    }),
  );
  write('Condition.ndjson', conditions);

  const coverages = patients.map((p, i) =>
    JSON.stringify({
      resourceType: 'Coverage',
      id: `tricky-coverage-${i}`,
      status: 'active',
      subscriber: { reference: `Patient/${elsewhere(p)}` },
      beneficiary: { reference: `Patient/${p}` },
      type: { coding: [{ system: 'https://nahdo.org/sopt', code: i % 2 === 0 ? '2' : '5' }] },
    }),
  );
  write('Coverage.ndjson', [...coverages, ...read('Coverage.ndjson').map((c) => JSON.stringify(c))]);

  const [medication] = read('Medication.ndjson');
  if (medication === undefined) throw new Error('the deck has no Medication');
  const drug = Coded.parse(medication.code).coding[0]?.code;
  let byReference = 0;
  const requests = read('MedicationRequest.ndjson').map(({ medicationCodeableConcept, ...rest }) => {
    if (Coded.safeParse(medicationCodeableConcept).data?.coding[0]?.code !== drug)
      return JSON.stringify({ ...rest, medicationCodeableConcept });
    byReference++;
    return JSON.stringify({ ...rest, medicationReference: { reference: `Medication/${medication.id}` } });
  });
  if (byReference < 2) throw new Error('too few MedicationRequests code the deck’s Medication');
  write('MedicationRequest.ndjson', requests);

  // Patients with CRLF ends, a byte-order mark, blank lines and two malformed lines among them.
  const patientLines = read('Patient.ndjson').map((p) => JSON.stringify(p));
  patientLines.splice(3, 0, '', '   ', `{"resourceType":"Patient","id":"${patients[0] ?? ''}"`, 'not json');
  patientLines[0] = `\uFEFF${patientLines[0] ?? ''}`;
  write('Patient.ndjson', patientLines, '\r\n');

  // One pretty-printed and one absolute reference, then 58 malformed lines of three kinds.
  const encounters = read('Encounter.ndjson').map((e) => JSON.stringify(e));
  encounters[1] = (encounters[1] ?? '').replace('"reference":"Patient/', '"reference" : "Patient/');
  encounters[2] = (encounters[2] ?? '').replace(
    '"reference":"Patient/',
    '"reference":"https://example.org/fhir/Patient/',
  );
  write('Encounter.ndjson', encounters);
  const observations = read('Observation.ndjson').map((o) => JSON.stringify(o));
  for (let i = 0; i < 58; i++) {
    const p = patients[i % patients.length] ?? '';
    const subject = `"subject":{"reference":"Patient/${p}"}`;
    const kinds = [
      `{"resourceType":"Observation",${subject},"code":${BP}`,
      `[${i}]`,
      `{"resourceType":"Observation",${subject},"code":${BP}}`,
    ];
    observations.splice(1 + i * 2, 0, kinds[i % 3] ?? '');
  }
  write('Observation.ndjson', observations);

  // A second Encounter file that breaks off half way (new ids, so nothing is counted twice).
  const copies = encounters.map((e) => e.replace(/"id":"([^"]+)"/, '"id":"$1-gz"'));
  const gz = gzipSync(copies.join('\n') + '\n');
  writeFileSync(join(dir, 'Encounter-2.ndjson.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
  return { expected, malformed: 60, misleading: conditions.length + coverages.length };
}
