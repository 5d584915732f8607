import { DIMENSION_IDS, isDimensionId, type DimensionId } from '../domain/dimensions';
import { MEASURES } from '../measures/measure-catalogue';
import type { ReferenceChoice, StratifierDimensions, SuppressionPolicy } from '../measures/stratification-types';
import type { MeasureId, Period } from '../measures/types';

/** The parsed command line of `npm run measure`. */
export interface MeasureArgs {
  readonly measure: MeasureId;
  readonly period: Period;
  readonly ndjsonDir: string;
  readonly out: string;
  /** Single dimensions first, then intersections, without duplicates. */
  readonly stratifiers: readonly StratifierDimensions[];
  readonly reference: ReferenceChoice;
  readonly suppression: SuppressionPolicy | false;
  readonly utcOffsetMinutes: number;
  /** No progress lines on stderr. */
  readonly quiet: boolean;
  /** Parse and validate every line, even those that cannot matter (see `mustParse`). */
  readonly parseAll: boolean;
  /** Threads that read and evaluate the export; `default`: one per core, at most 8; 1: the main thread alone. */
  readonly threads: number | 'default';
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly args: MeasureArgs }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

const MEASURE_IDS = Object.keys(MEASURES).filter((id): id is MeasureId => id in MEASURES);

export const USAGE = `Usage: npm run measure -- --measure <${MEASURE_IDS.join('|')}> --period <2026|2026-01-01..2026-12-31>
                          --ndjson <export dir> --out <report.json> [options]

Reads a FHIR Bulk Data export (<Type>.ndjson or <Type>.ndjson.gz files), evaluates the measure for every patient,
prints the strata to stdout and writes the summary MeasureReport (JSON) to --out.

Options:
  --stratify <dims>        comma-separated dimensions (default race,ethnicity,language)
  --intersect <dims+dims>  comma-separated intersections of 2 or 3 dimensions, e.g. race+sex,language+age-band
  --reference <ref>        complement (default: everyone else) | overall | best | stratum:<key>[+<key>]
  --min-cell <n>           smallest count shown; 1–(n-1) are suppressed (default 11)
  --no-suppression         show every cell (a clinician's own panel only)
  --utc-offset <minutes>   time zone in which calendar days are read (default 0, UTC)
  --parse-all              parse (and report problems in) every line, even those that show no code the
                           measure uses; slower
  --threads <n>            threads that read and evaluate the export in parallel (default: one per CPU core,
                           at most 8; one below 256 MB of files); 1 reads and evaluates in the main thread alone
  --quiet                  no progress on stderr
  --help                   this text

Dimensions: ${DIMENSION_IDS.join(', ')}
Exit codes: 0 done, 1 nothing readable, 2 usage error.`;

const VALUE_FLAGS = new Set([
  '--measure',
  '--period',
  '--ndjson',
  '--out',
  '--stratify',
  '--intersect',
  '--reference',
  '--min-cell',
  '--utc-offset',
  '--threads',
]);
const BOOLEAN_FLAGS = new Set(['--no-suppression', '--parse-all', '--quiet', '--help', '-h']);

class UsageError extends Error {}

/** Parses the arguments after `--`. Pure: no I/O, never throws. */
export function parseMeasureArgs(argv: readonly string[]): ParsedArgs {
  try {
    const values = new Map<string, string>();
    const flags = new Set<string>();
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i] ?? '';
      const eq = arg.indexOf('=');
      const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
      if (BOOLEAN_FLAGS.has(name)) {
        if (name !== arg) throw new UsageError(`${name} takes no value`);
        flags.add(name);
      } else if (VALUE_FLAGS.has(name)) {
        const value = name !== arg ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '' || (name === arg && value.startsWith('--')))
          throw new UsageError(`${name} needs a value`);
        if (values.has(name)) throw new UsageError(`${name} is given twice`);
        values.set(name, value);
      } else {
        throw new UsageError(`unknown argument "${arg}"`);
      }
    }
    if (flags.has('--help') || flags.has('-h')) return { kind: 'help' };
    const required = (name: string): string => {
      const v = values.get(name);
      if (v === undefined) throw new UsageError(`${name} is required`);
      return v;
    };
    const measure = parseMeasure(required('--measure'));
    const period = parsePeriod(required('--period'));
    const ndjsonDir = required('--ndjson');
    const out = required('--out');
    const singles = parseDimensionList(values.get('--stratify') ?? 'race,ethnicity,language');
    const intersections = parseIntersections(values.get('--intersect'));
    if (flags.has('--no-suppression') && values.has('--min-cell'))
      throw new UsageError('--min-cell and --no-suppression cannot be used together');
    const args: MeasureArgs = {
      measure,
      period,
      ndjsonDir,
      out,
      stratifiers: dedupe([...singles.map((d) => [d]), ...intersections]),
      reference: parseReference(values.get('--reference') ?? 'complement'),
      suppression: flags.has('--no-suppression') ? false : { minCellSize: parseMinCell(values.get('--min-cell')) },
      utcOffsetMinutes: parseOffset(values.get('--utc-offset')),
      quiet: flags.has('--quiet'),
      parseAll: flags.has('--parse-all'),
      threads: parseThreads(values.get('--threads')),
    };
    return { kind: 'run', args };
  } catch (e) {
    if (e instanceof UsageError) return { kind: 'error', message: e.message };
    throw e;
  }
}

function parseMeasure(value: string): MeasureId {
  const id = MEASURE_IDS.find((m) => m === value.toLowerCase());
  if (id === undefined) throw new UsageError(`unknown measure "${value}" (choose ${MEASURE_IDS.join(', ')})`);
  return id;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `2026` (the calendar year) or `2026-01-01..2026-12-31` (both ends inclusive). */
export function parsePeriod(value: string): Period {
  if (/^\d{4}$/.test(value)) return { start: `${value}-01-01`, end: `${value}-12-31` };
  const [start, end, extra] = value.split('..');
  if (start === undefined || end === undefined || extra !== undefined || !isCalendarDate(start) || !isCalendarDate(end))
    throw new UsageError(`--period must be a year (2026) or two dates (2026-01-01..2026-12-31), not "${value}"`);
  if (start > end) throw new UsageError(`--period starts after it ends: "${value}"`);
  return { start, end };
}

function parseDimension(value: string): DimensionId {
  const v = value.trim();
  if (!isDimensionId(v)) throw new UsageError(`unknown dimension "${v}" (choose ${DIMENSION_IDS.join(', ')})`);
  return v;
}

function parseDimensionList(value: string): DimensionId[] {
  if (value.trim() === '' || value === 'none') return [];
  return value.split(',').map(parseDimension);
}

function parseIntersections(value: string | undefined): DimensionId[][] {
  if (value === undefined) return [];
  return value.split(',').map((part) => {
    const dims = part.split('+').map(parseDimension);
    if (dims.length < 2 || dims.length > 3)
      throw new UsageError(`an intersection joins 2 or 3 dimensions with "+", not "${part}"`);
    if (new Set(dims).size !== dims.length) throw new UsageError(`an intersection repeats a dimension: "${part}"`);
    return dims;
  });
}

function dedupe(stratifiers: readonly DimensionId[][]): DimensionId[][] {
  const seen = new Set<string>();
  return stratifiers.filter((dims) => {
    const id = dims.join('+');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function parseReference(value: string): ReferenceChoice {
  if (value === 'complement' || value === 'overall' || value === 'best') return { kind: value };
  if (value.startsWith('stratum:') && value.length > 'stratum:'.length) {
    const keys = value.slice('stratum:'.length).split('+');
    const [only] = keys;
    return { kind: 'stratum', key: keys.length === 1 && only !== undefined ? only : keys };
  }
  throw new UsageError(`--reference must be complement, overall, best or stratum:<key>, not "${value}"`);
}

function parseMinCell(value: string | undefined): number {
  if (value === undefined) return 11;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--min-cell must be a whole number of 1 or more`);
  return n;
}

function parseOffset(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || Math.abs(n) > 14 * 60)
    throw new UsageError(`--utc-offset must be whole minutes between -840 and 840`);
  return n;
}

/** At most 64: every thread reads every file, so many more would only multiply the reading. */
function parseThreads(value: string | undefined): number | 'default' {
  if (value === undefined) return 'default';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--threads must be a whole number from 1 to 64`);
  return n;
}
