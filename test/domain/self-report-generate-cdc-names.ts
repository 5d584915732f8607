/** Writes `src/domain/self-report-cdc-names.json` (see `self-report-cdc-names-source.ts` for the source). */
import { writeFileSync } from 'node:fs';
import { buildCdcNames } from './self-report-cdc-names-source';

const target = new URL('../../src/domain/self-report-cdc-names.json', import.meta.url);
writeFileSync(target, JSON.stringify(buildCdcNames(), null, 2) + '\n');
