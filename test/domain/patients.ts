/** Small builders for hand-made Patient JSON in domain tests. */
const CDC = 'urn:oid:2.16.840.1.113883.6.238';
const NF = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';

type Part = readonly ['ombCategory' | 'detailed', string];

function coded(url: string, parts: readonly Part[]): object {
  return {
    url,
    extension: [
      ...parts.map(([kind, code]) => ({
        url: kind,
        valueCoding: { system: code === 'ASKU' || code === 'UNK' ? NF : CDC, code },
      })),
      { url: 'text', valueString: 'as reported' },
    ],
  };
}

/** A Patient with a US Core race extension made of `[kind, code]` parts. */
export function withRace(...parts: Part[]): object {
  return {
    resourceType: 'Patient',
    id: 'p1',
    extension: [coded('http://hl7.org/fhir/us/core/StructureDefinition/us-core-race', parts)],
  };
}

/** A Patient with a US Core ethnicity extension made of `[kind, code]` parts. */
export function withEthnicity(...parts: Part[]): object {
  return {
    resourceType: 'Patient',
    id: 'p1',
    extension: [coded('http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity', parts)],
  };
}

/** A Patient with both extensions. */
export function withRaceAndEthnicity(race: readonly Part[], ethnicity: readonly Part[]): object {
  return {
    resourceType: 'Patient',
    id: 'p1',
    extension: [
      coded('http://hl7.org/fhir/us/core/StructureDefinition/us-core-race', race),
      coded('http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity', ethnicity),
    ],
  };
}
