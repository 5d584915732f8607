import { useId } from 'react';
import { DIMENSIONS, type DimensionId } from '../../../domain/dimensions';

interface DimensionSelectProps {
  readonly label: string;
  readonly value: DimensionId;
  readonly onChange: (value: DimensionId) => void;
  /** Dimensions not offered (the other axis of an intersection). */
  readonly exclude?: readonly DimensionId[];
  readonly testId?: string;
}

/** A labelled choice of dimension (race, ethnicity, language, sex, age band, payer, …). */
export function DimensionSelect({ label, value, onChange, exclude = [], testId }: DimensionSelectProps) {
  const id = useId();
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        data-testid={testId}
        onChange={(event) => {
          const chosen = DIMENSIONS.find((d) => d.id === event.target.value);
          if (chosen !== undefined) onChange(chosen.id);
        }}
      >
        {DIMENSIONS.filter((d) => !exclude.includes(d.id)).map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </select>
    </span>
  );
}
