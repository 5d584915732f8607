import { useId } from 'react';
import { useMessages } from './messages-context';
import { RecordNow } from './RecordNow';

interface InterpreterFieldProps {
  readonly answer: boolean | undefined;
  readonly record: boolean | undefined;
  readonly onChange: (needed: boolean) => void;
}

/** Whether the patient needs an interpreter (US Core interpreter-needed; LOINC 54588-9). */
export function InterpreterField({ answer, record, onChange }: InterpreterFieldProps) {
  const { t } = useMessages();
  const id = useId();
  const choice = (value: boolean) => (
    <label className="sr-choice" htmlFor={`${id}-${String(value)}`}>
      <input
        id={`${id}-${String(value)}`}
        type="radio"
        name={`${id}-interpreter`}
        checked={answer === value}
        onChange={() => {
          onChange(value);
        }}
      />
      <span>{t(value ? 'yes' : 'no')}</span>
    </label>
  );
  return (
    <fieldset className="sr-question" aria-describedby={`${id}-record`}>
      <legend>
        <h2>{t('interpreterLegend')}</h2>
      </legend>
      <RecordNow id={`${id}-record`} text={record === undefined ? undefined : t(record ? 'yes' : 'no')} />
      <div className="sr-choices">
        {choice(true)}
        {choice(false)}
      </div>
    </fieldset>
  );
}
