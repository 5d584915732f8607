import type { CharterSnapshot } from '../../../measures/charter-model';
import type { TrendWindow } from '../../../measures/trend-series';
import type { CompactItem } from '../../../worker/engine-protocol';
import type { EngineWorkerLike } from '../../../worker/engine-client';
import { trendResponseSchema } from './trend-protocol';
import type { TrendRequest, TrendSpec } from './trend-protocol';

interface Pending {
  readonly resolve: (snapshots: readonly CharterSnapshot[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The page's handle on the trend worker: stream the population's resources with `add`, then ask for any
 * charter's snapshots over any windows with `evaluate` (answered in order, one at a time by the worker).
 */
export class TrendClient {
  readonly #worker: EngineWorkerLike;
  readonly #pending = new Map<string, Pending>();
  #counter = 0;
  #broken: Error | undefined;

  constructor(worker: EngineWorkerLike) {
    this.#worker = worker;
    worker.addEventListener('message', this.#onMessage);
    worker.addEventListener('error', this.#onBroken);
    worker.addEventListener('messageerror', this.#onBroken);
  }

  /** A client on a new module Worker (bundled by Vite). */
  static create(): TrendClient {
    return new TrendClient(new Worker(new URL('./trend.worker.ts', import.meta.url), { type: 'module' }));
  }

  add(items: readonly CompactItem[]): void {
    if (items.length > 0) this.#post({ type: 'items', items });
  }

  /** The charter's counts for each window, in the order of `windows`. */
  evaluate(
    spec: TrendSpec,
    windows: readonly TrendWindow[],
    utcOffsetMinutes: number,
  ): Promise<readonly CharterSnapshot[]> {
    if (this.#broken !== undefined) return Promise.reject(this.#broken);
    const id = `trend-${String(++this.#counter)}`;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#post({ type: 'evaluate', id, spec, windows, utcOffsetMinutes });
    });
  }

  dispose(): void {
    this.#worker.removeEventListener('message', this.#onMessage);
    this.#worker.removeEventListener('error', this.#onBroken);
    this.#worker.removeEventListener('messageerror', this.#onBroken);
    this.#worker.terminate();
    this.#failAll(new Error('The trend calculation was stopped.'));
  }

  #post(request: TrendRequest): void {
    this.#worker.postMessage(request);
  }

  readonly #onMessage = (event: Event): void => {
    const data: unknown = 'data' in event ? event.data : undefined;
    const parsed = trendResponseSchema.safeParse(data);
    if (!parsed.success) {
      this.#failAll(new Error('The trend calculation sent a result this page cannot read. Reload the page.'));
      return;
    }
    const message = parsed.data;
    if (message.type === 'progress') return;
    if (message.type === 'error' && message.id === undefined) {
      this.#failAll(new Error(message.message));
      return;
    }
    const id = message.id ?? '';
    const pending = this.#pending.get(id);
    if (pending === undefined) return;
    this.#pending.delete(id);
    if (message.type === 'result') pending.resolve(message.snapshots);
    else pending.reject(new Error(message.message));
  };

  readonly #onBroken = (): void => {
    this.#broken = new Error('The trend calculation could not run in this browser tab. Reload the page.');
    this.#failAll(this.#broken);
  };

  #failAll(error: Error): void {
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }
}
