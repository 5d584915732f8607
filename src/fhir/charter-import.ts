import type { CharterExport } from './charter-bundle';
import { addCycle, createCharter, loadCharter } from './charter-store';
import type { Author, StoredCharter } from './charter-store';
import type { FhirGateway } from './fhir-gateway';

/**
 * Writes an imported charter to the server through the same conditional creates as a new one, then its cycles, and
 * reads it back. Importing a charter the server already holds (same identifiers) finds it instead of copying it.
 */
export async function importCharter(
  gateway: FhirGateway,
  data: CharterExport,
  author: Author,
  options: { readonly signal?: AbortSignal } = {},
): Promise<StoredCharter> {
  const stored = await createCharter(gateway, data.uuid, data.charter, author, options);
  for (const { uuid, cycle } of data.cycles) await addCycle(gateway, stored, uuid, cycle, author, options);
  return loadCharter(gateway, stored.id, options);
}
