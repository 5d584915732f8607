import type { EngineWorkerLike } from '../../src/worker/engine-client';

/** A worker's side: handles each message; answers through the `post` it was made with. */
export interface WorkerSide {
  handle(data: unknown): void;
}

/**
 * A Worker stand-in for tests: the real session (`makeSide`) in process, every message structured-cloned and
 * delivered as a task of its own in each direction, as between threads.
 */
export class InProcessWorker extends EventTarget implements EngineWorkerLike {
  readonly #side: WorkerSide;

  constructor(makeSide: (post: (message: unknown) => void) => WorkerSide) {
    super();
    this.#side = makeSide((m) => {
      const data = structuredClone(m);
      setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data })), 0);
    });
  }

  postMessage(message: unknown): void {
    const data = structuredClone(message);
    setTimeout(() => {
      this.#side.handle(data);
    }, 0);
  }

  terminate(): void {
    // nothing to stop
  }
}
