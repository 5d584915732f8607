import type { CharterSnapshot } from '../../../src/measures/charter-model';
import { TrendClient } from '../../../src/ui/features/goals/trend-client';
import { trendRequestSchema } from '../../../src/ui/features/goals/trend-protocol';
import type { EngineWorkerLike } from '../../../src/worker/engine-client';

/**
 * A trend client whose "worker" loads nothing and answers every evaluation with the same counts for each window
 * asked (the UI's arithmetic is what the tests look at; the engine's and the load's are tested on their own).
 */
export function cannedTrendClient(counts: Omit<CharterSnapshot, 'period'>): TrendClient {
  const listeners = new Set<(event: Event) => void>();
  const worker: EngineWorkerLike = {
    postMessage(message: unknown) {
      const parsed = trendRequestSchema.parse(message);
      const data =
        parsed.type === 'load'
          ? { type: 'loaded', id: parsed.id }
          : { type: 'result', id: parsed.id, snapshots: parsed.windows.map((w) => ({ ...counts, period: w.period })) };
      setTimeout(() => {
        for (const l of listeners) l(new MessageEvent('message', { data }));
      }, 0);
    },
    addEventListener(type, listener) {
      if (type === 'message') listeners.add(listener);
    },
    removeEventListener(type, listener) {
      if (type === 'message') listeners.delete(listener);
    },
    terminate() {
      listeners.clear();
    },
  };
  return new TrendClient(worker);
}
