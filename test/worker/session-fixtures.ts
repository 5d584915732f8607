import { compactRecord } from '../../src/worker/compact-record';
import type { CompactRecord, EngineResponse, EvaluateParams } from '../../src/worker/engine-protocol';
import { EngineSession } from '../../src/worker/engine-session';
import { readDeck } from '../cli/deck-export';

/** The CMS165 deck's cases as compact records, and its expected counts summed from its own MeasureReports. */
export function cms165Deck(): { records: CompactRecord[]; expected: ReadonlyMap<string, number> } {
  const deck = readDeck('CMS165-2025');
  return { records: deck.cases.map((c) => compactRecord(c.patientId, c.resources)), expected: deck.expected };
}

export const PARAMS: EvaluateParams = {
  measures: ['cms165'],
  period: { start: '2026-01-01', end: '2026-12-31' },
  stratifiers: [['race'], ['race', 'sex']],
  suppression: false,
};

/** A session whose scheduled work runs only when the test says so. */
export function manualSession(sliceSize: number) {
  const posted: EngineResponse[] = [];
  const tasks: (() => void)[] = [];
  const session = new EngineSession((m) => posted.push(m), { schedule: (t) => tasks.push(t), sliceSize });
  const step = (): boolean => {
    const task = tasks.shift();
    task?.();
    return task !== undefined;
  };
  const drain = (): void => {
    while (step()) {
      // run every scheduled slice
    }
  };
  return { session, posted, step, drain };
}

/** Splits records into batches of `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
