import { describe, expect, it } from 'vitest';
import { interpreterNeededOf } from '../../src/domain/interpreter';
import { practitionerOf } from '../../src/domain/practitioner';
import { zipOf } from '../../src/domain/zip';

describe('zipOf', () => {
  it('takes 5 digits from the home address, ignoring older and work addresses', () => {
    const address = [
      { use: 'work', postalCode: '10001' },
      { use: 'old', postalCode: '60601' },
      { use: 'home', postalCode: '02130-4321' },
    ];
    expect(zipOf({ address }).value).toBe('02130');
    expect(zipOf({ address: [{ postalCode: '94110' }] }).value).toBe('94110');
  });

  it('is absent without an address and warns on a non-US postal code', () => {
    expect(zipOf({}).value).toBe('absent');
    const mapped = zipOf({ address: [{ use: 'home', postalCode: 'K1A 0B1' }] });
    expect(mapped.value).toBe('absent');
    expect(mapped.warnings).toHaveLength(1);
  });
});

describe('practitionerOf', () => {
  it('takes the first generalPractitioner that is a Practitioner, trimmed to Practitioner/<id>', () => {
    const generalPractitioner = [
      { reference: 'Organization/clinic' },
      { reference: 'https://ehr.example/fhir/Practitioner/dr-1/_history/3' },
      { reference: 'Practitioner/dr-2' },
    ];
    expect(practitionerOf({ generalPractitioner }).value).toBe('Practitioner/dr-1');
    expect(practitionerOf({}).value).toBe('absent');
  });
});

describe('interpreterNeededOf', () => {
  const ext = (value: object): object => ({
    extension: [{ url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-interpreter-needed', ...value }],
  });
  it('reads boolean and coded values', () => {
    expect(interpreterNeededOf(ext({ valueBoolean: true })).value).toBe('yes');
    expect(interpreterNeededOf(ext({ valueCoding: { system: 'http://loinc.org', code: 'LA32-8' } })).value).toBe('no');
    expect(interpreterNeededOf(ext({ valueCoding: { code: 'UNK' } })).value).toBe('UNK');
    expect(interpreterNeededOf({}).value).toBe('absent');
  });
});
