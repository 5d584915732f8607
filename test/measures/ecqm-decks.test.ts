import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { evaluatePatient } from '../../src/measures/evaluate-patient';
import type { MeasureId, Populations } from '../../src/measures/types';

// The official eCQM test decks (copied from ../shared/ecqm): each case folder holds the case as a transaction
// Bundle and its expected individual MeasureReport. Expected counts are read from the files, never restated here.
const DECKS = join(import.meta.dirname, '../fixtures/ecqm');
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const POPULATION_FIELD = {
  'initial-population': 'initialPopulation',
  denominator: 'denominator',
  'denominator-exclusion': 'denominatorExclusion',
  'denominator-exception': 'denominatorException',
  numerator: 'numerator',
} as const satisfies Record<string, keyof Populations>;

const ExpectedReport = z.object({
  resourceType: z.literal('MeasureReport'),
  extension: z.array(z.object({ url: z.string(), valueMarkdown: z.string().optional() })),
  group: z
    .array(
      z.object({
        population: z.array(
          z.object({
            code: z.object({ coding: z.array(z.object({ code: z.enum(Object.keys(POPULATION_FIELD)) })).min(1) }),
            count: z.number(),
          }),
        ),
      }),
    )
    .min(1),
});
const CaseBundle = z.object({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.object({ resource: z.looseObject({ resourceType: z.string(), id: z.string() }) })),
});

interface DeckCase {
  readonly name: string;
  readonly patientId: string;
  readonly resources: Resource[];
  readonly expected: z.infer<typeof ExpectedReport>;
}

function readCase(dir: string): DeckCase {
  const files = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
  const bundle = CaseBundle.parse(files.find((f) => CaseBundle.safeParse(f).success));
  const expected = ExpectedReport.parse(files.find((f) => ExpectedReport.safeParse(f).success));
  const resources = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType !== 'MeasureReport');
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const name = expected.extension.find((e) => e.url.endsWith('cqfm-testCaseDescription'))?.valueMarkdown ?? dir;
  return { name, patientId: patient?.id ?? '', resources, expected };
}

function mismatches(measure: MeasureId, c: DeckCase): string[] {
  const result = evaluatePatient(measure, { patientId: c.patientId, resources: c.resources }, PERIOD);
  const population = c.expected.group[0]?.population ?? [];
  return population.flatMap((p) => {
    const code = p.code.coding[0]?.code as keyof typeof POPULATION_FIELD;
    const actual = result.populations[POPULATION_FIELD[code]] ? 1 : 0;
    return actual === p.count ? [] : [`${code} expected ${p.count} got ${actual}`];
  });
}

describe.each([
  { deck: 'CMS165-2025', measure: 'cms165', cases: 68 },
  { deck: 'CMS122-2025', measure: 'cms122', cases: 56 },
] as const)('official test deck $deck', ({ deck, measure, cases }) => {
  const root = join(DECKS, deck, 'tests');
  const folders = readdirSync(root);

  it(`matches every expected MeasureReport (${cases} cases)`, () => {
    const failures: string[] = [];
    for (const folder of folders) {
      const c = readCase(join(root, folder));
      const wrong = mismatches(measure, c);
      if (wrong.length > 0) failures.push(`${c.name} [${folder}]: ${wrong.join(', ')}`);
    }
    const passed = folders.length - failures.length;
    expect(failures, `${deck}: ${passed}/${folders.length} cases match`).toEqual([]);
    expect(folders).toHaveLength(cases);
  });
});
