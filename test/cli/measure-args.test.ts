import { describe, expect, it } from 'vitest';
import { parseMeasureArgs } from '../../src/cli/measure-args';

const BASE = ['--measure', 'cms165', '--period', '2026', '--ndjson', 'in', '--out', 'out.json'];

function errorOf(argv: readonly string[]): string {
  const parsed = parseMeasureArgs(argv);
  if (parsed.kind !== 'error') throw new Error(`expected a usage error, got ${parsed.kind}`);
  return parsed.message;
}

describe('parseMeasureArgs', () => {
  it('reads a full command line, with defaults for what is left out', () => {
    const parsed = parseMeasureArgs([...BASE, '--intersect', 'race+sex,language+age-band+payer', '--min-cell=5']);
    expect(parsed).toMatchObject({
      kind: 'run',
      args: {
        measure: 'cms165',
        period: { start: '2026-01-01', end: '2026-12-31' },
        stratifiers: [['race'], ['ethnicity'], ['language'], ['race', 'sex'], ['language', 'age-band', 'payer']],
        reference: { kind: 'complement' },
        suppression: { minCellSize: 5 },
        threads: 'default',
      },
    });
  });

  it('reads a thread count', () => {
    expect(parseMeasureArgs([...BASE, '--threads', '3'])).toMatchObject({ kind: 'run', args: { threads: 3 } });
    expect(parseMeasureArgs([...BASE, '--threads=1'])).toMatchObject({ kind: 'run', args: { threads: 1 } });
  });

  it('accepts an explicit period and a named reference stratum', () => {
    const parsed = parseMeasureArgs([
      ...BASE.slice(0, 2),
      '--period',
      '2025-07-01..2026-06-30',
      ...BASE.slice(4),
      '--reference',
      'stratum:2106-3',
      '--no-suppression',
    ]);
    expect(parsed).toMatchObject({
      kind: 'run',
      args: { period: { start: '2025-07-01', end: '2026-06-30' }, reference: { kind: 'stratum', key: '2106-3' } },
    });
    expect(parsed.kind === 'run' && parsed.args.suppression).toBe(false);
  });

  it.each([
    [['--period', '2026', '--ndjson', 'in', '--out', 'o'], '--measure is required'],
    [[...BASE.slice(2), '--measure', 'cms2'], 'unknown measure "cms2"'],
    [['--measure', 'cms122', '--period', '2026-02-30..2026-12-31', ...BASE.slice(4)], '--period must be'],
    [['--measure', 'cms122', '--period', '2026-12-31..2026-01-01', ...BASE.slice(4)], 'starts after it ends'],
    [[...BASE, '--stratify', 'race,religion'], 'unknown dimension "religion"'],
    [[...BASE, '--intersect', 'race'], 'joins 2 or 3 dimensions'],
    [[...BASE, '--intersect', 'race+race'], 'repeats a dimension'],
    [[...BASE, '--out', 'again.json'], '--out is given twice'],
    [[...BASE, '--min-cell', '0'], '--min-cell must be'],
    [[...BASE, '--reference', 'worst'], '--reference must be'],
    [[...BASE, '--threads', '0'], '--threads must be'],
    [[...BASE, '--threads', '2.5'], '--threads must be'],
    [[...BASE, '--ndjson'], '--ndjson needs a value'],
    [[...BASE, 'extra'], 'unknown argument "extra"'],
  ])('rejects %j', (argv, message) => {
    expect(errorOf(argv)).toContain(message);
  });

  it('asks for help', () => {
    expect(parseMeasureArgs(['--help']).kind).toBe('help');
  });
});
