import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDeckExport } from './deck-export';
import { overallCounts, runCli, tempDir } from './run-cli';

// The official decks, written as a Bulk Data export and measured through the command line: the summary must count
// what the deck's own individual MeasureReports say, summed. Nothing is restated here; it is all read from the files.
describe.each([
  { deck: 'CMS165-2025', measure: 'cms165' },
  { deck: 'CMS122-2025', measure: 'cms122' },
])('the $deck deck through the command line', ({ deck, measure }) => {
  it('gives summary counts equal to the sums of the expected individual reports', async () => {
    const dir = tempDir(deck);
    const { cases, expected } = writeDeckExport(deck, dir);
    const out = join(dir, 'report.json');
    const run = await runCli([
      '--measure',
      measure,
      '--period',
      '2026',
      '--ndjson',
      dir,
      '--out',
      out,
      '--no-suppression',
    ]);
    expect(run.stderr).not.toContain('malformed');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Evaluated ${cases} patients`);
    const actual = await overallCounts(out);
    expect(expected.size).toBeGreaterThan(0);
    for (const [code, count] of expected) expect({ code, count: actual.get(code) }).toEqual({ code, count });
  });
});
