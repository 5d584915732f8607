import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/worker/engine-client';
import type { CompactRecord } from '../../src/worker/engine-protocol';
import { EngineSession } from '../../src/worker/engine-session';
import { InProcessWorker } from './in-process-worker';
import { batches, cms165Deck, PARAMS } from './session-fixtures';

const { records, expected } = cms165Deck();

/** The real session in process (slices of 10), recording the type of every message the client sends. */
class InProcessEngine extends InProcessWorker {
  readonly received: string[] = [];

  constructor() {
    super((post) => new EngineSession(post, { sliceSize: 10 }));
  }

  override postMessage(message: unknown): void {
    if (typeof message === 'object' && message !== null && 'type' in message) this.received.push(String(message.type));
    super.postMessage(message);
  }
}

async function* slowly(items: readonly CompactRecord[][]): AsyncGenerator<CompactRecord[]> {
  for (const b of items) {
    await new Promise((r) => setTimeout(r, 5));
    yield b;
  }
}

describe('EngineClient', () => {
  it('streams batches, reports progress and resolves with the validated result', async () => {
    const client = new EngineClient(new InProcessEngine());
    const seen: number[] = [];
    const result = await client.evaluate(PARAMS, slowly(batches(records, 20)), { onProgress: (n) => seen.push(n) });
    expect(result.patients).toBe(records.length);
    expect(result.outcomes[0]?.report.overall).toMatchObject({
      counts: { initialPopulation: expected.get('initial-population'), numerator: expected.get('numerator') },
    });
    expect(seen.at(-1)).toBe(records.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('cancels the run in the worker when the AbortSignal fires mid-stream', async () => {
    const worker = new InProcessEngine();
    const client = new EngineClient(worker);
    const controller = new AbortController();
    const run = client.start(PARAMS, { signal: controller.signal });
    const progress: number[] = [];
    const listening = (async () => {
      for await (const n of run.progress()) progress.push(n);
    })();
    run.send(records.slice(0, 20));
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    run.send(records.slice(20));
    await expect(run.finish()).rejects.toMatchObject({ name: 'AbortError', kind: 'cancelled' });
    await listening;
    expect(worker.received).toEqual(['evaluate', 'patients', 'cancel']);
    expect(progress.at(-1)).toBeLessThanOrEqual(20);
  });

  it('sends nothing for a signal already aborted, for a plain run and for a load, and settles both as cancelled', async () => {
    const worker = new InProcessEngine();
    const client = new EngineClient(worker);
    const signal = AbortSignal.abort();
    const run = client.start(PARAMS, { signal });
    expect(run.settled).toBe(true);
    await expect(run.result).rejects.toMatchObject({ kind: 'cancelled' });
    const load = client.load(PARAMS, { baseUrl: 'https://fhir.example', searches: [], keepNames: false }, { signal });
    await expect(load).rejects.toMatchObject({ kind: 'cancelled' });
    expect(worker.received).toEqual([]);
  });

  it('rejects with a protocol error when the worker answers something unreadable', async () => {
    const worker = new InProcessEngine();
    const client = new EngineClient(worker);
    const run = client.start(PARAMS);
    worker.dispatchEvent(new MessageEvent('message', { data: { type: 'result', runId: run.id, outcomes: 'all' } }));
    await expect(run.result).rejects.toMatchObject({ kind: 'protocol' });
  });
});

describe('EngineClient.prestart', () => {
  class CountingWorker extends InProcessEngine {
    terminated = 0;
    override terminate(): void {
      this.terminated++;
    }
  }

  it('hands the prestarted worker to the next client only, and starts no second one', async () => {
    const early = new CountingWorker();
    const later = new CountingWorker();
    let made = 0;
    const factory = (): CountingWorker => {
      made++;
      return later;
    };
    EngineClient.prestart(() => early);
    EngineClient.prestart(factory);
    expect(made).toBe(0);
    const first = EngineClient.create(factory);
    expect(made).toBe(0);
    const result = await first.evaluate(PARAMS, slowly(batches(records, 50)));
    expect(result.patients).toBe(records.length);
    expect(early.received[0]).toBe('evaluate');
    EngineClient.create(factory);
    expect(made).toBe(1);
    EngineClient.discardPrestarted();
    expect(early.terminated + later.terminated).toBe(0);
  });

  it('ends a prestarted worker nobody took', () => {
    const early = new CountingWorker();
    EngineClient.prestart(() => early);
    EngineClient.discardPrestarted();
    expect(early.terminated).toBe(1);
    let made = 0;
    EngineClient.create(() => {
      made++;
      return new CountingWorker();
    });
    expect(made).toBe(1);
  });
});
