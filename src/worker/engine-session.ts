import { isJsonObject } from '../measures/field-reader';
import { engineRequestSchema, type EngineRequest, type EngineResponse, type EvaluateParams } from './engine-protocol';
import { MeasureRun } from './measure-run';
import { isResourceShaped, PatientRecordGrouper } from './patient-record-grouper';

/** A record waiting for evaluation: a `patients` record, or one grouped from `resources` items. */
interface QueuedRecord {
  readonly patientId: string;
  readonly resources: readonly unknown[];
}

/** How the session runs its work; the worker uses the defaults, tests drive the schedule by hand. */
export interface EngineSessionOptions {
  /** Runs a task later, after pending messages (default `setTimeout(task, 0)`). */
  readonly schedule?: (task: () => void) => void;
  /** Patients evaluated before yielding to incoming messages and posting progress (default 500). */
  readonly sliceSize?: number;
}

interface ActiveRun {
  readonly id: string;
  readonly params: EvaluateParams;
  readonly run: MeasureRun;
  readonly queue: QueuedRecord[];
  /** Resources sent one by one (`resources`), grouped until `finish`. */
  grouper: PatientRecordGrouper | undefined;
  /** Index of the next record to evaluate in `queue`. */
  next: number;
  finishing: boolean;
  scheduled: boolean;
}

/**
 * The engine's side of the worker protocol, free of DOM and worker globals so that it runs in Node tests.
 * `handle` only validates and queues; evaluation happens in slices scheduled after it, so a `cancel` sent while
 * batches are still being evaluated is read after the current slice, not after every queued batch.
 */
export class EngineSession {
  readonly #post: (message: EngineResponse) => void;
  readonly #schedule: (task: () => void) => void;
  readonly #sliceSize: number;
  #active: ActiveRun | undefined;

  constructor(post: (message: EngineResponse) => void, options: EngineSessionOptions = {}) {
    this.#post = post;
    this.#schedule = options.schedule ?? ((task) => setTimeout(task, 0));
    this.#sliceSize = Math.max(1, options.sliceSize ?? 500);
  }

  /** Handles one incoming message (unvalidated). Never throws: problems are posted as `error` messages. */
  handle(data: unknown): void {
    const parsed = engineRequestSchema.safeParse(data);
    if (!parsed.success) {
      const runId = isJsonObject(data) && typeof data.runId === 'string' ? data.runId : undefined;
      const issue = parsed.error.issues[0];
      const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
      this.#post({
        type: 'error',
        ...(runId === undefined ? {} : { runId }),
        message: `The measure engine received a request it cannot read${where}: ${issue?.message ?? 'invalid'}.`,
      });
      return;
    }
    this.#dispatch(parsed.data);
  }

  #dispatch(request: EngineRequest): void {
    const active = this.#active?.id === request.runId ? this.#active : undefined;
    switch (request.type) {
      case 'evaluate':
        this.#start(request.runId, request.params);
        return;
      case 'patients':
        // Batches of a run that was cancelled or replaced may still be in flight: they are dropped.
        if (active === undefined || active.finishing) return;
        for (const record of request.records) active.queue.push(record);
        this.#wake(active);
        return;
      case 'resources':
        if (active === undefined || active.finishing) return;
        active.grouper ??= new PatientRecordGrouper();
        for (const item of request.items) active.grouper.add(item.resource, item.patientId);
        return;
      case 'finish':
        if (active === undefined) {
          this.#post({ type: 'error', runId: request.runId, message: 'The measure run to finish is not running.' });
          return;
        }
        // Every patient's resources have arrived: the grouped records join the queue.
        if (active.grouper !== undefined) for (const record of active.grouper.drain()) active.queue.push(record);
        active.grouper = undefined;
        active.finishing = true;
        this.#wake(active);
        return;
      case 'cancel':
        if (active === undefined) return;
        this.#active = undefined;
        this.#post({ type: 'cancelled', runId: active.id });
        return;
    }
  }

  #start(id: string, params: EvaluateParams): void {
    if (this.#active !== undefined) {
      // One run at a time: a new request replaces the old one, as a changed panel filter would.
      this.#post({ type: 'cancelled', runId: this.#active.id });
      this.#active = undefined;
    }
    try {
      const run = new MeasureRun({
        measures: params.measures,
        period: params.period,
        stratifiers: params.stratifiers,
        ...(params.utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes: params.utcOffsetMinutes }),
        keepRows: params.rows ?? true,
      });
      this.#active = { id, params, run, queue: [], grouper: undefined, next: 0, finishing: false, scheduled: false };
    } catch (e) {
      this.#fail(id, e);
    }
  }

  #wake(active: ActiveRun): void {
    if (active.scheduled) return;
    active.scheduled = true;
    this.#schedule(() => {
      active.scheduled = false;
      this.#work(active);
    });
  }

  #work(active: ActiveRun): void {
    if (this.#active !== active) return;
    try {
      const end = Math.min(active.queue.length, active.next + this.#sliceSize);
      for (; active.next < end; active.next++) {
        const record = active.queue[active.next];
        if (record === undefined) continue;
        active.run.add({ patientId: record.patientId, resources: record.resources.filter(isResourceShaped) });
      }
      if (active.next > 0 && active.next === active.queue.length) {
        // Forget evaluated records so that memory holds counts, not a copy of the panel.
        active.queue.length = 0;
        active.next = 0;
      }
      if (end > 0) this.#post({ type: 'progress', runId: active.id, patients: active.run.patients });
      if (active.queue.length > 0) {
        this.#wake(active);
        return;
      }
      if (!active.finishing) return;
      const p = active.params;
      const outcomes = active.run.finish({
        ...(p.reference === undefined ? {} : { reference: p.reference }),
        ...(p.referenceByStratifier === undefined ? {} : { referenceByStratifier: p.referenceByStratifier }),
        ...(p.suppression === undefined ? {} : { suppression: p.suppression }),
        date: new Date().toISOString(),
      });
      this.#active = undefined;
      this.#post({ type: 'result', runId: active.id, patients: active.run.patients, outcomes });
    } catch (e) {
      this.#active = undefined;
      this.#fail(active.id, e);
    }
  }

  #fail(runId: string, e: unknown): void {
    // Engine code does not throw on clinical data, so this is a bug or an impossible request (a stratifier that
    // repeats a dimension); the message says so without leaking data.
    const detail = e instanceof Error ? e.message : 'unknown error';
    this.#post({ type: 'error', runId, message: `The measure engine stopped: ${detail}.` });
  }
}
