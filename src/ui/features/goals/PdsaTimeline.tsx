import { useState } from 'react';
import type { CharterSnapshot } from '../../../measures/charter-model';
import { readGap, readRate } from '../../../measures/goal-progress';
import { cycleDays, sixWeekMessage, sixWeekWarnings, timelineOrder } from '../../../measures/pdsa-cycle';
import type { PdsaCycle } from '../../../measures/pdsa-cycle';
import type { ImprovementNotation } from '../../../measures/types';
import type { StoredCharter, StoredCycle } from '../../../fhir/charter-store';
import { cycleToDraft, newCycleDraft } from './cycle-draft';
import { CycleForm } from './CycleForm';
import { gapPoints, n, pct1, shortDay } from './goal-format';

interface PdsaTimelineProps {
  readonly stored: StoredCharter;
  readonly notation: ImprovementNotation;
  readonly today: string;
  readonly canWrite: boolean;
  /** Whether the clinic's data is loaded, so that saving a cycle can take its measure snapshots. */
  readonly snapshotsReady: boolean;
  /** Adds a new cycle (taking its snapshots); rejects with what went wrong. */
  readonly onAdd: (cycle: PdsaCycle, draftId: string) => Promise<void>;
  /** Saves an existing cycle; rejects with what went wrong (a conflict when someone else changed it). */
  readonly onSave: (current: StoredCycle, cycle: PdsaCycle) => Promise<void>;
  readonly onReload: () => void;
}

const DECISION_WORDS = { adopt: 'Adopt', adapt: 'Adapt', abandon: 'Abandon' } as const;

/** "Black women 45.0% (n = 52); gap 12.0 points", or why not. */
export function snapshotWords(s: CharterSnapshot | undefined, notation: ImprovementNotation, focus: string): string {
  if (s === undefined) return 'not taken';
  const f = readRate(s.focus);
  const g = readGap(s.focus, s.reference, notation);
  return `${focus} ${f === undefined ? 'not yet measurable' : `${pct1(f.rate)} (n = ${n(f.n)})`}; gap ${g === undefined ? 'not yet measurable' : gapPoints(g.gap)}`;
}

function CycleCard(props: {
  readonly c: StoredCycle;
  readonly index: number;
  readonly focus: string;
  readonly notation: ImprovementNotation;
  readonly today: string;
}) {
  const { cycle } = props.c;
  const warnings = sixWeekWarnings(cycle, props.today);
  const days = cycleDays(cycle.start, cycle.end ?? cycle.plannedEnd);
  const metric = cycle.metric;
  return (
    <>
      <h4>
        Cycle {props.index + 1}: {cycle.change}
      </h4>
      <p className="cycle-dates">
        {shortDay(cycle.start)} → {shortDay(cycle.end ?? cycle.plannedEnd)} ({days} days
        {cycle.end === undefined ? ', planned; in progress' : ', completed'})
      </p>
      {warnings.map((w) => (
        <p key={w.kind} className="notice warning-six-weeks" role="note">
          <strong>Six-week rule: </strong>
          {sixWeekMessage(w)}
        </p>
      ))}
      <dl className="cycle-facts">
        <dt>Who</dt>
        <dd>{cycle.targetGroup}</dd>
        <dt>Counted</dt>
        <dd>
          {metric.name}: {metric.count === undefined ? 'not counted yet' : n(metric.count)}
          {metric.goal === undefined ? '' : ` (aim ${n(metric.goal)})`}
        </dd>
        <dt>Measure at the start</dt>
        <dd>{snapshotWords(cycle.startSnapshot, props.notation, props.focus)}</dd>
        <dt>Measure at the end</dt>
        <dd>{snapshotWords(cycle.endSnapshot, props.notation, props.focus)}</dd>
        {cycle.study !== '' && (
          <>
            <dt>Study</dt>
            <dd className="pre-line">{cycle.study}</dd>
          </>
        )}
        {cycle.decision !== undefined && (
          <>
            <dt>Act</dt>
            <dd>{DECISION_WORDS[cycle.decision]}</dd>
          </>
        )}
      </dl>
    </>
  );
}

/** The charter's PDSA cycles as a timeline, with forms to plan a new one and to record how one went. */
export function PdsaTimeline(props: PdsaTimelineProps) {
  const { stored, notation, today, canWrite, snapshotsReady, onAdd, onSave, onReload } = props;
  const note = snapshotsReady
    ? undefined
    : 'The clinic’s data is still loading: the measure at the start and end will be taken when you save after it has loaded (update the cycle then).';
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const cycles = timelineOrder(
    stored.cycles.map((c) => ({ ...c, start: c.cycle.start, plannedEnd: c.cycle.plannedEnd })),
  );
  const focus = stored.charter.spec.focus.label;
  return (
    <>
      {cycles.length === 0 ? (
        <p>No PDSA cycles yet. Start small: one change, a few patients, at most six weeks.</p>
      ) : (
        <>
          {cycles.length > 3 && (
            <p className="print-only">The last three of {cycles.length} cycles; the earlier ones are in Equity Lens.</p>
          )}
          <ol className="pdsa-timeline" data-testid="pdsa-timeline">
            {cycles.map((c, index) => (
              <li key={c.uuid} className="pdsa-cycle" data-testid="pdsa-cycle">
                {editing === c.uuid ? (
                  <CycleForm
                    heading={`Update cycle ${index + 1}`}
                    initial={cycleToDraft(c.cycle)}
                    today={today}
                    existing
                    note={note}
                    onSubmit={(cycle) =>
                      onSave(c, cycle).then(() => {
                        setEditing(undefined);
                      })
                    }
                    onCancel={() => {
                      setEditing(undefined);
                    }}
                    onReload={onReload}
                  />
                ) : (
                  <>
                    <CycleCard c={c} index={index} focus={focus} notation={notation} today={today} />
                    {canWrite && (
                      <button
                        type="button"
                        className="small secondary no-print"
                        onClick={() => {
                          setEditing(c.uuid);
                        }}
                      >
                        Update cycle {index + 1}
                      </button>
                    )}
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {canWrite &&
        (adding ? (
          <CycleForm
            heading="Plan a new PDSA cycle"
            initial={newCycleDraft(today)}
            today={today}
            existing={false}
            note={note}
            onSubmit={(cycle, draftId) =>
              onAdd(cycle, draftId).then(() => {
                setAdding(false);
              })
            }
            onCancel={() => {
              setAdding(false);
            }}
            onReload={onReload}
          />
        ) : (
          <button
            type="button"
            className="no-print"
            data-testid="add-cycle"
            onClick={() => {
              setAdding(true);
            }}
          >
            Plan a new PDSA cycle
          </button>
        ))}
    </>
  );
}
