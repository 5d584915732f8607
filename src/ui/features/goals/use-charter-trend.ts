import { useEffect, useState } from 'react';
import { AppError } from '../../../fhir/app-error';
import type { Charter, CharterSnapshot } from '../../../measures/charter-model';
import { trendWindows, windowEndingOn } from '../../../measures/trend-series';
import type { TrendPopulationState } from './use-trend-population';
import { TREND_MONTHS } from './use-trend-population';

/** A charter's run chart and its "now", once the population is loaded and the worker has counted. */
export type CharterTrend =
  | { readonly status: 'waiting' }
  | { readonly status: 'failed'; readonly error: AppError }
  | { readonly status: 'ready'; readonly series: readonly CharterSnapshot[]; readonly now: CharterSnapshot };

/** A failed trend calculation as the AppError the page shows (the worker's messages are written for the user). */
function trendError(detail: string): AppError {
  return new AppError({
    kind: 'unexpected',
    title: 'Progress could not be counted',
    detail,
    action: 'Reload the page; the charter itself is safe on the server.',
  });
}

/**
 * Evaluates the charter's measure for the last 24 monthly windows and for the twelve months ending today (the
 * "now" of the progress table). `key` changes when the charter does.
 */
export function useCharterTrend(
  population: TrendPopulationState,
  charter: Charter | undefined,
  key: string,
): CharterTrend {
  const [trend, setTrend] = useState<CharterTrend>({ status: 'waiting' });
  const ready = population.status === 'ready' ? population : undefined;
  const spec = charter?.spec;
  useEffect(() => {
    if (ready === undefined || spec === undefined) {
      setTrend({ status: 'waiting' });
      return;
    }
    let live = true;
    const windows = [...trendWindows(ready.today, TREND_MONTHS), windowEndingOn(ready.today)];
    setTrend({ status: 'waiting' });
    ready.trend.evaluate(spec, windows, ready.utcOffsetMinutes).then(
      (snapshots) => {
        const now = snapshots.at(-1);
        if (!live) return;
        setTrend(
          now === undefined
            ? { status: 'failed', error: trendError('The trend calculation returned nothing.') }
            : { status: 'ready', series: snapshots.slice(0, -1), now },
        );
      },
      (error: unknown) => {
        if (live)
          setTrend({
            status: 'failed',
            error: trendError(error instanceof Error ? error.message : 'The trend calculation failed.'),
          });
      },
    );
    return () => {
      live = false;
    };
    // A charter's spec never changes once set: `key` names the charter, and whether it has loaded is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, key, spec === undefined]);
  return trend;
}

/**
 * The charter's counts as of `day` (the twelve months ending that day, with data recorded after it left out), for
 * a PDSA cycle's start or end; undefined when the day is in the future or the population is not loaded.
 */
export async function snapshotAt(
  population: TrendPopulationState,
  charter: Charter,
  day: string,
): Promise<CharterSnapshot | undefined> {
  if (population.status !== 'ready' || day > population.today) return undefined;
  const [snapshot] = await population.trend.evaluate(charter.spec, [windowEndingOn(day)], population.utcOffsetMinutes);
  return snapshot;
}
