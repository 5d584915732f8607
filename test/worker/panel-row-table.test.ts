import { describe, expect, it } from 'vitest';
import type { EvidenceRow } from '../../src/measures/panel-outreach';
import { compactRecord } from '../../src/worker/compact-record';
import { MeasureRun, type PatientRow } from '../../src/worker/measure-run';
import {
  fromPanelRowTable,
  panelRowTableSchema,
  toPanelRowTable,
  type PanelRowTable,
} from '../../src/worker/panel-row-table';
import { readDeck } from '../cli/deck-export';

const RACE = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';

/** A patient with two race categories (a multi-valued "alone or in combination" key) and no birth date. */
const twoRaces = compactRecord('two-races', [
  {
    resourceType: 'Patient',
    id: 'two-races',
    gender: 'female',
    extension: [
      {
        url: RACE,
        extension: [
          { url: 'ombCategory', valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code: '2054-5' } },
          { url: 'ombCategory', valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code: '2106-3' } },
        ],
      },
    ],
  },
]);

function outcomesOfBothDecks() {
  const run = new MeasureRun({
    measures: ['cms165', 'cms122'],
    period: { start: '2026-01-01', end: '2026-12-31' },
    stratifiers: [['race']],
    keepRows: true,
  });
  for (const deck of ['CMS165-2025', 'CMS122-2025']) {
    for (const c of readDeck(deck).cases) run.add(compactRecord(c.patientId, c.resources));
  }
  run.add(twoRaces);
  return run.finish();
}

/** What the panels read of a worker row. */
function panelView(row: PatientRow): EvidenceRow {
  return {
    patientId: row.patientId,
    ageAtPeriodEnd: row.ageAtPeriodEnd,
    populations: row.populations,
    strata: row.strata,
    evidence: { outcome: row.evidence.outcome },
  };
}

describe('panel row table', () => {
  it('gives back what the panels read of every row of every measure, through a structured copy', () => {
    const outcomes = outcomesOfBothDecks();
    const table = structuredClone(toPanelRowTable(outcomes));
    const parsed = panelRowTableSchema.parse(table);
    const decoded = fromPanelRowTable(parsed);
    expect(decoded.map((d) => d.measure)).toEqual(['cms165', 'cms122']);
    for (const [i, outcome] of outcomes.entries()) {
      expect(decoded[i]?.rows).toEqual(outcome.rows.map(panelView));
    }
    // The decks have patients in and out of each measure, with and without evidence.
    const rows = decoded[0]?.rows ?? [];
    expect(rows.some((r) => r.populations.numerator)).toBe(true);
    expect(rows.some((r) => !r.populations.initialPopulation)).toBe(true);
    expect(rows.some((r) => r.evidence.outcome !== null)).toBe(true);
    const multi = rows.find((r) => r.patientId === 'two-races');
    expect(multi?.strata['race-combined']).toEqual(['2054-5', '2106-3']);
    expect(multi?.strata.race).toBe('multiple');
    expect(multi?.ageAtPeriodEnd).toBeNull();
    // One stratum object per patient, shared by the measures.
    expect(decoded[1]?.rows.at(-1)?.strata).toBe(multi?.strata);
  });

  it('keeps each dimension’s distinct keys once', () => {
    const table = toPanelRowTable(outcomesOfBothDecks());
    const sex = table.strata.find((c) => c.dimension === 'sex');
    expect(new Set(sex?.keys).size).toBe(sex?.keys.length);
    expect(sex?.keys.length).toBeLessThan(table.patientIds.length);
  });

  it('refuses rows of different patients in different measures', () => {
    const [first, second] = outcomesOfBothDecks();
    if (first === undefined || second === undefined) throw new Error('two measures expected');
    expect(() => toPanelRowTable([first, { ...second, rows: second.rows.slice(1) }])).toThrow(/different patients/);
  });

  it('rejects a table whose columns do not fit together', () => {
    const good = toPanelRowTable(outcomesOfBothDecks());
    const n = good.patientIds.length;
    const broken: Record<string, PanelRowTable> = {
      'short ages': { ...good, ages: new Float64Array(n - 1) },
      'index past the keys': {
        ...good,
        strata: good.strata.map((c, i) => (i === 0 ? { ...c, index: new Uint32Array(n).fill(c.keys.length) } : c)),
      },
      'unknown population bits': {
        ...good,
        measures: good.measures.map((m) => ({ ...m, populations: new Uint8Array(n).fill(64) })),
      },
      'missing outcomes': { ...good, measures: good.measures.map((m) => ({ ...m, outcomes: m.outcomes.slice(1) })) },
      'plain array for a typed one': { ...good, ages: Array.from(good.ages) as unknown as Float64Array },
    };
    expect(panelRowTableSchema.safeParse(good).success).toBe(true);
    for (const [what, table] of Object.entries(broken)) {
      expect(panelRowTableSchema.safeParse(table).success, what).toBe(false);
    }
  });
});
