import { describe, expect, it } from 'vitest';
import { loadInThreads } from '../../src/cli/load-in-threads';
import { listExportFiles } from '../../src/cli/ndjson-export';
import { writeDeckExport } from './deck-export';
import { tempDir } from './run-cli';

describe('loadInThreads', () => {
  it('fails, rather than hangs or reports too little, when a worker thread fails', async () => {
    const dir = tempDir('threads-fail');
    writeDeckExport('CMS165-2025', dir);
    const files = await listExportFiles(dir);
    // A period the worker's own check refuses: the thread throws before reading anything.
    const config = {
      measures: ['cms165' as const],
      period: { start: '2026-12-31', end: '2026-01-01' },
      stratifiers: [],
    };
    await expect(loadInThreads(files, config, { threads: 2 })).rejects.toThrow('a worker thread failed');
  }, 30_000);
});
