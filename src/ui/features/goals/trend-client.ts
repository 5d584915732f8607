import { AppError } from '../../../fhir/app-error';
import type { LoadProgress } from '../../../fhir/population-load';
import type { CharterSnapshot } from '../../../measures/charter-model';
import type { TrendWindow } from '../../../measures/trend-series';
import type { EngineWorkerLike } from '../../../worker/engine-client';
import { trendResponseSchema } from './trend-protocol';
import type { TrendLoad, TrendRequest, TrendSpec } from './trend-protocol';

interface Pending {
  readonly resolve: (snapshots: readonly CharterSnapshot[]) => void;
  readonly reject: (error: Error) => void;
}

interface PendingLoad {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ((progress: LoadProgress) => void) | undefined;
}

/**
 * The page's handle on the trend worker: have it read the population with `load`, then ask for any charter's
 * snapshots over any windows with `evaluate` (answered in order, one at a time by the worker).
 */
export class TrendClient {
  readonly #worker: EngineWorkerLike;
  readonly #pending = new Map<string, Pending>();
  readonly #loads = new Map<string, PendingLoad>();
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

  /**
   * The worker reads the population from the FHIR server (once); resolves when every page is in, rejects with the
   * AppError that says what failed.
   */
  load(request: TrendLoad, onProgress?: (progress: LoadProgress) => void): Promise<void> {
    if (this.#broken !== undefined) return Promise.reject(this.#broken);
    const id = `load-${String(++this.#counter)}`;
    return new Promise((resolve, reject) => {
      this.#loads.set(id, { resolve, reject, onProgress });
      this.#post({ type: 'load', id, load: request });
    });
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
    switch (message.type) {
      case 'progress':
        return;
      case 'load-progress':
        this.#loads.get(message.id)?.onProgress?.(message.progress);
        return;
      case 'loaded':
        this.#loads.get(message.id)?.resolve();
        this.#loads.delete(message.id);
        return;
      case 'load-error':
        this.#loads.get(message.id)?.reject(new AppError(message.error));
        this.#loads.delete(message.id);
        return;
      case 'result':
        this.#pending.get(message.id)?.resolve(message.snapshots);
        this.#pending.delete(message.id);
        return;
      case 'error': {
        if (message.id === undefined) {
          this.#failAll(new Error(message.message));
          return;
        }
        const waiting = this.#loads.get(message.id) ?? this.#pending.get(message.id);
        this.#loads.delete(message.id);
        this.#pending.delete(message.id);
        waiting?.reject(new Error(message.message));
        return;
      }
    }
  };

  readonly #onBroken = (): void => {
    this.#broken = new Error('The trend calculation could not run in this browser tab. Reload the page.');
    this.#failAll(this.#broken);
  };

  #failAll(error: Error): void {
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
    for (const l of this.#loads.values()) l.reject(error);
    this.#loads.clear();
  }
}
