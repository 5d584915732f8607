import { useEffect, useState } from 'react';
import { charterBundle } from '../../../fhir/charter-bundle';
import { addCycle, loadCharter, saveCharterRevision, saveCycle } from '../../../fhir/charter-store';
import type { StoredCharter, StoredCycle } from '../../../fhir/charter-store';
import type { Session } from '../../../fhir/session';
import { rateOf } from '../../../measures/charter-model';
import { gapTarget, signedGap } from '../../../measures/goal-arithmetic';
import { assessCharter } from '../../../measures/goal-progress';
import { goalSentences, groupPhrase } from '../../../measures/goal-sentence';
import { longDay } from '../../../measures/goal-time';
import { MEASURES } from '../../../measures/measure-catalogue';
import type { PdsaCycle } from '../../../measures/pdsa-cycle';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../use-async';
import { canWriteCharters } from './charter-permissions';
import { CharterTeam } from './CharterTeam';
import { downloadFile, slug } from './download-file';
import { n } from './goal-format';
import { newUuid } from './new-uuid';
import { PdsaTimeline } from './PdsaTimeline';
import { ProgressTable } from './ProgressTable';
import { TrendChart } from './TrendChart';
import { trendRows } from './trend-rows';
import { snapshotAt, useCharterTrend } from './use-charter-trend';
import type { TrendPopulationState } from './use-trend-population';

interface CharterViewProps {
  readonly session: Session;
  readonly id: string;
  readonly population: TrendPopulationState;
  readonly onReloadPopulation: () => void;
  readonly onBack: () => void;
}

/** Takes the snapshots a cycle lacks, for the days that have passed. */
async function withSnapshots(
  population: TrendPopulationState,
  stored: StoredCharter,
  cycle: PdsaCycle,
  current?: PdsaCycle,
): Promise<PdsaCycle> {
  const start = current?.startSnapshot ?? (await snapshotAt(population, stored.charter, cycle.start));
  const end =
    current?.endSnapshot ??
    (cycle.end === undefined ? undefined : await snapshotAt(population, stored.charter, cycle.end));
  return {
    ...cycle,
    ...(start === undefined ? {} : { startSnapshot: start }),
    ...(end === undefined ? {} : { endSnapshot: end }),
  };
}

/**
 * One charter: its two goal sentences, progress against the frozen baseline (with intervals), the run charts, the
 * PDSA timeline and the team; export as a FHIR Bundle and a printable one-page summary.
 */
export function CharterView({ session, id, population, onReloadPopulation, onBack }: CharterViewProps) {
  const [reloads, setReloads] = useState(0);
  const [state, retry] = useAsync(`charter:${id}:${String(reloads)}`, 'reading the charter', (signal) =>
    loadCharter(session.gateway, id, { signal }),
  );
  const [local, setLocal] = useState<StoredCharter | undefined>(undefined);
  const loaded = state.status === 'ready' ? state.value : undefined;
  useEffect(() => {
    if (loaded !== undefined) setLocal(loaded);
  }, [loaded]);
  const stored = local ?? loaded;
  const trend = useCharterTrend(population, stored?.charter, id);
  const reload = (): void => {
    setReloads((r) => r + 1);
  };
  if (stored === undefined) {
    return (
      <section className="card" aria-label="Charter">
        <button type="button" className="small secondary" onClick={onBack}>
          Back to the charters
        </button>
        {state.status === 'error' ? (
          <ErrorPanel error={state.error} onRetry={retry} />
        ) : (
          <Loading label="Reading the charter" />
        )}
      </section>
    );
  }
  const { charter } = stored;
  const author = { fhirUser: session.fhirUser };
  const canWrite = canWriteCharters(session.grantedScopes);
  const definition = MEASURES[charter.spec.measure];
  const notation = definition.improvementNotation;
  const sentences = goalSentences(charter);
  const focusRate = rateOf(charter.baseline.snapshot.focus);
  const referenceRate = rateOf(charter.baseline.snapshot.reference);
  const baselineGap =
    focusRate === undefined || referenceRate === undefined ? undefined : signedGap(focusRate, referenceRate, notation);
  const target = baselineGap === undefined ? undefined : gapTarget(baselineGap, charter.goals.gapReduction);
  const today = new Date().toISOString().slice(0, 10);
  const progress = trend.status === 'ready' ? assessCharter(charter, trend.now) : undefined;
  const cycleMonths = stored.cycles.map((c, i) => ({
    month: c.cycle.start.slice(0, 7),
    label: `PDSA ${String(i + 1)}`,
  }));
  const replaceCycle = (next: StoredCycle): void => {
    setLocal((s) => (s === undefined ? s : { ...s, cycles: s.cycles.map((c) => (c.uuid === next.uuid ? next : c)) }));
  };
  return (
    <article className="charter" aria-labelledby="charter-title" data-testid="charter-view">
      <div className="charter-head no-print">
        <button type="button" className="small secondary" onClick={onBack}>
          Back to the charters
        </button>
        <span className="charter-actions">
          <button
            type="button"
            className="small secondary"
            onClick={() => {
              const bundle = charterBundle({ uuid: stored.uuid, charter, cycles: stored.cycles }, newUuid);
              downloadFile(
                `charter-${slug(charter.title)}.json`,
                'application/fhir+json',
                JSON.stringify(bundle, null, 2),
              );
            }}
          >
            Export as a FHIR Bundle
          </button>
          <button
            type="button"
            className="small"
            onClick={() => {
              window.print();
            }}
          >
            Print a progress summary
          </button>
        </span>
      </div>
      <p className="print-only">Equity Lens · improvement charter · printed {longDay(today)}</p>
      <h2 id="charter-title" data-testid="charter-title">
        {charter.title}
      </h2>
      <p className="muted">
        {definition.title} · {groupPhrase(charter.spec.focus.label)} compared with{' '}
        {groupPhrase(charter.spec.reference.label)} · set {longDay(charter.goals.start)}, due{' '}
        {longDay(charter.goals.deadline)}
      </p>
      <section className="card" aria-labelledby="goals-heading">
        <h3 id="goals-heading">The two SMART goals</h3>
        <ol className="goal-sentences">
          <li>
            <p className="goal-sentence" data-testid="goal-improvement">
              {sentences.improvement}.
            </p>
            <p className="goal-detail">{sentences.improvementDetail}</p>
          </li>
          <li>
            <p className="goal-sentence" data-testid="goal-gap">
              {sentences.gap}.
            </p>
            <p className="goal-detail">{sentences.gapDetail}</p>
          </li>
        </ol>
      </section>
      <section className="card" aria-labelledby="progress-heading">
        <h3 id="progress-heading">Progress</h3>
        {population.status === 'failed' && <ErrorPanel error={population.error} onRetry={onReloadPopulation} />}
        {population.status === 'loading' && (
          <Loading
            label={`Reading the clinic’s data to measure progress${population.progress === undefined ? '' : ` (${n(population.progress.patients)} patients, ${n(population.progress.resources)} records so far)`}`}
          />
        )}
        {population.status === 'ready' && trend.status === 'waiting' && <Loading label="Counting the last 24 months" />}
        {trend.status === 'failed' && <ErrorPanel error={trend.error} />}
        {progress !== undefined && trend.status === 'ready' && (
          <>
            {progress.averageUpGapWider && (
              <p className="notice warning-gap" role="note" data-testid="gap-warning">
                <strong>Watch the gap: </strong>the average got better while the gap between the groups got wider.
                Improving the average without comparing groups can widen disparities.
              </p>
            )}
            <ProgressTable charter={charter} progress={progress} now={trend.now} />
          </>
        )}
      </section>
      <section className="card" aria-labelledby="trend-heading">
        <h3 id="trend-heading">Trend over the last 24 months</h3>
        {trend.status === 'ready' ? (
          <TrendChart
            rows={trendRows(trend.series, notation)}
            focusLabel={charter.spec.focus.label}
            referenceLabel={charter.spec.reference.label}
            baselineGap={baselineGap}
            gapTarget={target?.kind === 'target' ? target.target : undefined}
            cycleMonths={cycleMonths}
          />
        ) : (
          <p className="muted">The run charts appear once the clinic’s data is counted.</p>
        )}
      </section>
      <section className="card" aria-labelledby="pdsa-heading">
        <h3 id="pdsa-heading">PDSA cycles</h3>
        <PdsaTimeline
          stored={stored}
          notation={notation}
          today={today}
          canWrite={canWrite}
          snapshotsReady={population.status === 'ready'}
          onReload={reload}
          onAdd={async (cycle, draftId) => {
            const full = await withSnapshots(population, stored, cycle);
            const added = await addCycle(session.gateway, stored, draftId, full, author);
            setLocal((s) => (s === undefined ? s : { ...s, cycles: [...s.cycles, added] }));
          }}
          onSave={async (current, cycle) => {
            const full = await withSnapshots(population, stored, cycle, current.cycle);
            replaceCycle(await saveCycle(session.gateway, stored, current, full, author));
          }}
        />
      </section>
      <section className="card" aria-labelledby="team-heading">
        <h3 id="team-heading">Sponsor and team</h3>
        <CharterTeam
          stored={stored}
          canWrite={canWrite}
          onReload={reload}
          onSave={async (revision) => {
            setLocal(await saveCharterRevision(session.gateway, stored, revision, author));
          }}
        />
      </section>
    </article>
  );
}
