import { useId } from 'react';
import { MEASURE_WORDS } from './measure-words';
import { PANEL_MEASURE_IDS, type PanelMeasureId } from './view-state';

interface MeasureSelectProps {
  readonly value: PanelMeasureId;
  readonly onChange: (value: PanelMeasureId) => void;
}

/** The choice of measure, with its direction ("higher is better") in the option text. */
export function MeasureSelect({ value, onChange }: MeasureSelectProps) {
  const id = useId();
  return (
    <span className="field">
      <label htmlFor={id}>Measure</label>
      <select
        id={id}
        value={value}
        data-testid="measure-select"
        onChange={(event) => {
          const chosen = PANEL_MEASURE_IDS.find((m) => m === event.target.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {PANEL_MEASURE_IDS.map((m) => (
          <option key={m} value={m}>
            {MEASURE_WORDS[m].short} — {MEASURE_WORDS[m].direction.toLowerCase()}
          </option>
        ))}
      </select>
    </span>
  );
}
