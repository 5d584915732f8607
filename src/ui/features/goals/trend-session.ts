import type { PatientRecord } from '../../../measures/types';
import { trendSeries } from '../../../measures/trend-series';
import { PatientRecordGrouper } from '../../../worker/patient-record-grouper';
import { trendRequestSchema } from './trend-protocol';
import type { TrendRequest, TrendResponse } from './trend-protocol';

/**
 * The trend worker's side, free of worker globals so that tests run it in process: it keeps the population's
 * records (grouped by patient as the resources stream in) and evaluates a charter's measure for any windows asked,
 * as often as asked, without loading the population again.
 */
export class TrendSession {
  readonly #post: (message: TrendResponse) => void;
  readonly #grouper = new PatientRecordGrouper();
  readonly #records: PatientRecord[] = [];

  constructor(post: (message: TrendResponse) => void) {
    this.#post = post;
  }

  /** Handles one incoming message (unvalidated); problems are posted as `error` messages, never thrown. */
  handle(data: unknown): void {
    const parsed = trendRequestSchema.safeParse(data);
    if (!parsed.success) {
      this.#post({ type: 'error', message: 'The trend calculation received a request it cannot read.' });
      return;
    }
    this.#dispatch(parsed.data);
  }

  #dispatch(request: TrendRequest): void {
    switch (request.type) {
      case 'items':
        for (const item of request.items) this.#grouper.add(item.resource, item.patientId);
        return;
      case 'evaluate': {
        // Every resource has arrived by the first evaluation: group the records once and keep them.
        for (const record of this.#grouper.drain()) this.#records.push(record);
        const { id } = request;
        try {
          const snapshots = trendSeries(this.#records, request.spec, request.windows, {
            utcOffsetMinutes: request.utcOffsetMinutes,
            onProgress: (patients) => {
              this.#post({ type: 'progress', id, patients });
            },
          });
          this.#post({ type: 'result', id, snapshots });
        } catch (e) {
          const detail = e instanceof Error ? e.message : 'unknown error';
          this.#post({ type: 'error', id, message: `The trend calculation stopped: ${detail}.` });
        }
        return;
      }
    }
  }
}
