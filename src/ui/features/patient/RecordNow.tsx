import { useMessages } from './messages-context';

interface RecordNowProps {
  readonly id?: string;
  /** What the record says, in words; undefined when it says nothing. */
  readonly text: string | undefined;
}

/** "Your record now says: …", so the patient corrects what is there rather than starting blank. */
export function RecordNow({ id, text }: RecordNowProps) {
  const { t } = useMessages();
  return (
    <p className="sr-record-now" id={id}>
      {text === undefined ? t('recordEmpty') : t('recordNow', { value: text })}
    </p>
  );
}
