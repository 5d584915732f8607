import type { Mapped } from './domain-warning';
import { isObject, objects, resourceRef, str } from './guards';

const ZIP5 = /^\s*(\d{5})(?:\s*-?\s*\d{4})?\s*$/;
const NOT_WHERE_THEY_LIVE: ReadonlySet<string> = new Set(['old', 'billing', 'work', 'temp']);

/**
 * The 5-digit ZIP code of the home address (`use: home`, else the first address not marked old, billing, work or
 * temporary). ZIP+4 is cut to 5 digits. `absent` when there is no such address or postal code; a postal code that
 * is not a US ZIP is `absent` with a warning.
 */
export function zipOf(patient: unknown): Mapped<string> {
  if (!isObject(patient)) return { value: 'absent', warnings: [] };
  const addresses = objects(patient, 'address');
  const home =
    addresses.find((a) => str(a, 'use') === 'home') ??
    addresses.find((a) => !NOT_WHERE_THEY_LIVE.has(str(a, 'use') ?? ''));
  const postal = home === undefined ? undefined : str(home, 'postalCode');
  if (postal === undefined) return { value: 'absent', warnings: [] };
  const zip = ZIP5.exec(postal)?.[1];
  if (zip !== undefined) return { value: zip, warnings: [] };
  return {
    value: 'absent',
    warnings: [{ code: 'missing-value', ...resourceRef(patient), message: 'Home postal code is not a US ZIP code.' }],
  };
}
