import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const DECKS = join(import.meta.dirname, '../fixtures/ecqm');

const Coded = z.object({ coding: z.array(z.object({ code: z.string() })).min(1) });
const ExpectedReport = z.object({
  resourceType: z.literal('MeasureReport'),
  group: z.array(z.object({ population: z.array(z.object({ code: Coded, count: z.number() })) })).min(1),
});
const CaseBundle = z.object({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.object({ resource: z.looseObject({ resourceType: z.string() }) })),
});

/** One case of an official test deck: its resources (without the MeasureReport) and who it is about. */
export interface DeckCase {
  readonly folder: string;
  readonly patientId: string;
  readonly resources: readonly { readonly resourceType: string }[];
}

/** A deck's cases, and the sums of its expected individual MeasureReports' counts. */
export interface Deck {
  readonly cases: readonly DeckCase[];
  /** Population code → sum of the expected counts over every case. */
  readonly expected: ReadonlyMap<string, number>;
}

/** Reads an official test deck: each case folder's transaction Bundle and its expected MeasureReport. */
export function readDeck(deck: string): Deck {
  const root = join(DECKS, deck, 'tests');
  const expected = new Map<string, number>();
  const cases = readdirSync(root).map((folder): DeckCase => {
    const files = readdirSync(join(root, folder)).map((f): unknown =>
      JSON.parse(readFileSync(join(root, folder, f), 'utf8')),
    );
    const bundle = CaseBundle.parse(files.find((f) => CaseBundle.safeParse(f).success));
    const report = ExpectedReport.parse(files.find((f) => ExpectedReport.safeParse(f).success));
    for (const p of report.group[0]?.population ?? []) {
      const code = p.code.coding[0]?.code ?? '';
      expected.set(code, (expected.get(code) ?? 0) + p.count);
    }
    const resources = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType !== 'MeasureReport');
    const patient = resources.find((r) => r.resourceType === 'Patient');
    return { folder, patientId: typeof patient?.id === 'string' ? patient.id : folder, resources };
  });
  return { cases, expected };
}

/**
 * Writes a deck's cases into `dir` as one `<Type>.ndjson` file per resource type, as a Bulk Data export would.
 */
export function writeDeckExport(deck: string, dir: string): { cases: number; expected: ReadonlyMap<string, number> } {
  const { cases, expected } = readDeck(deck);
  const byType = new Map<string, string[]>();
  for (const c of cases) {
    for (const resource of c.resources) {
      const lines = byType.get(resource.resourceType) ?? [];
      lines.push(JSON.stringify(resource));
      byType.set(resource.resourceType, lines);
    }
  }
  for (const [type, lines] of byType) writeFileSync(join(dir, `${type}.ndjson`), `${lines.join('\n')}\n`);
  return { cases: cases.length, expected };
}
