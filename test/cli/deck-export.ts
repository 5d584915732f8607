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

/** A deck written as a Bulk Data export, and the sums of its expected individual MeasureReports' counts. */
export interface DeckExport {
  readonly cases: number;
  /** Population code → sum of the expected counts over every case. */
  readonly expected: ReadonlyMap<string, number>;
}

/**
 * Writes the official test deck's cases (their transaction Bundles, without the MeasureReports) into `dir` as one
 * `<Type>.ndjson` file per resource type, as a Bulk Data export would, and sums the expected counts from the
 * deck's own MeasureReport files.
 */
export function writeDeckExport(deck: string, dir: string): DeckExport {
  const root = join(DECKS, deck, 'tests');
  const byType = new Map<string, string[]>();
  const expected = new Map<string, number>();
  const folders = readdirSync(root);
  for (const folder of folders) {
    const files = readdirSync(join(root, folder)).map((f): unknown =>
      JSON.parse(readFileSync(join(root, folder, f), 'utf8')),
    );
    const bundle = CaseBundle.parse(files.find((f) => CaseBundle.safeParse(f).success));
    const report = ExpectedReport.parse(files.find((f) => ExpectedReport.safeParse(f).success));
    for (const { resource } of bundle.entry) {
      if (resource.resourceType === 'MeasureReport') continue;
      const lines = byType.get(resource.resourceType) ?? [];
      lines.push(JSON.stringify(resource));
      byType.set(resource.resourceType, lines);
    }
    for (const p of report.group[0]?.population ?? []) {
      const code = p.code.coding[0]?.code ?? '';
      expected.set(code, (expected.get(code) ?? 0) + p.count);
    }
  }
  for (const [type, lines] of byType) writeFileSync(join(dir, `${type}.ndjson`), `${lines.join('\n')}\n`);
  return { cases: folders.length, expected };
}
