/** Writes `src/domain/cdc-race-ethnicity-parents.json` (see `cdc-hierarchy-source.ts` for the source). */
import { writeFileSync } from 'node:fs';
import { buildCdcParents } from './cdc-hierarchy-source';

const target = new URL('../../src/domain/cdc-race-ethnicity-parents.json', import.meta.url);
writeFileSync(target, JSON.stringify(buildCdcParents(), null, 2) + '\n');
