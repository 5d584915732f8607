import { toCsv, type CsvCell } from '../../../domain/panel-csv';
import { downloadText } from './download';

interface CsvButtonProps {
  readonly filename: string;
  readonly header: readonly string[];
  readonly rows: () => readonly (readonly CsvCell[])[];
  /** What the file holds, for the button's accessible name ("Download the table as CSV: rates by race"). */
  readonly what: string;
}

/** Downloads a panel's numbers as a CSV file (the same numbers as its table). */
export function CsvButton({ filename, header, rows, what }: CsvButtonProps) {
  return (
    <button
      type="button"
      className="secondary"
      aria-label={`Download CSV: ${what}`}
      onClick={() => {
        downloadText(filename, toCsv(header, rows()), 'text/csv;charset=utf-8');
      }}
    >
      Download CSV
    </button>
  );
}
