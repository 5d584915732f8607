import type { DimensionId } from '../../../domain/dimensions';
import type { StratumView } from './stratum-view';
import type { ViewState } from './view-state';

interface StratumActionsProps {
  readonly stratum: StratumView;
  readonly dimensions: readonly DimensionId[];
  readonly view: ViewState;
  readonly update: (change: (view: ViewState) => ViewState) => void;
  readonly canSeePatients: boolean;
}

/** "Pin" (the constant reminder) and "Patients" (the outreach list) for one row of a rates table. */
export function StratumActions({ stratum, dimensions, view, update, canSeePatients }: StratumActionsProps) {
  const group = { dimensions, keys: stratum.keys };
  const pinned =
    view.pin?.measure === view.measure &&
    view.pin.group.dimensions.join('+') === dimensions.join('+') &&
    view.pin.group.keys.join(',') === stratum.keys.join(',');
  return (
    <>
      <button
        type="button"
        className="small secondary"
        aria-pressed={pinned}
        aria-label={`${pinned ? 'Pinned' : 'Pin'}: ${stratum.label}`}
        onClick={() => {
          update((v) => ({ ...v, pin: pinned ? undefined : { measure: v.measure, group, filters: v.filters } }));
        }}
      >
        {pinned ? 'Pinned' : 'Pin'}
      </button>
      {canSeePatients && !stratum.suppressed && (
        <button
          type="button"
          className="small secondary"
          aria-label={`Patients not meeting the measure: ${stratum.label}`}
          onClick={() => {
            update((v) => ({ ...v, panel: 'outreach', group }));
          }}
        >
          Patients
        </button>
      )}
    </>
  );
}
