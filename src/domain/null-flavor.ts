import { NULL_FLAVOR_SYSTEM } from './systems';

/** The two null flavors US Core allows in place of a race or ethnicity: asked but declined, and unknown. */
export type NullFlavorKey = 'ASKU' | 'UNK';

/**
 * `ASKU` or `UNK` when the coding is that null flavor. A coding without a system is accepted too, because the bare
 * codes cannot be confused with CDC codes (which all look like `2106-3`).
 */
export function nullFlavorOf(coding: { readonly system?: string; readonly code: string }): NullFlavorKey | undefined {
  if (coding.system !== undefined && coding.system !== NULL_FLAVOR_SYSTEM) return undefined;
  return coding.code === 'ASKU' || coding.code === 'UNK' ? coding.code : undefined;
}

/** When both null flavors appear, "declined" says more than "unknown". */
export function strongerNullFlavor(a: NullFlavorKey | undefined, b: NullFlavorKey): NullFlavorKey {
  return a === 'ASKU' || b === 'ASKU' ? 'ASKU' : 'UNK';
}
