import cdcParents from './cdc-race-ethnicity-parents.json';

/**
 * Which race categories the app reports, as data. The CDC hierarchy (child → parent, shipped in
 * `cdc-race-ethnicity-parents.json`) rolls any detailed code up to the nearest ancestor that is a category here,
 * so a revised standard is a new scheme, not new code.
 */
export interface RaceScheme {
  readonly id: string;
  /** CDC codes that are reporting categories, in display order. */
  readonly categories: readonly string[];
  /** Parent overrides applied before the CDC hierarchy (a code moved under another category). */
  readonly reparent: Readonly<Record<string, string>>;
  /** 2024 combined question: a Hispanic or Latino ethnicity also counts as a race category (`2135-2`). */
  readonly hispanicAsCategory: boolean;
}

/** OMB 1997 (US Core today): five race categories. */
export const OMB_1997: RaceScheme = {
  id: 'omb-1997',
  categories: ['1002-5', '2028-9', '2054-5', '2076-8', '2106-3'],
  reparent: {},
  hispanicAsCategory: false,
};

/**
 * OMB SPD 15 (2024): adds Middle Eastern or North African (CDC `2118-8`, which the CDC hierarchy files under White;
 * `2129-5` Arab sits beside it under White and moves with it) and reports Hispanic or Latino in the same question.
 */
export const OMB_2024: RaceScheme = {
  id: 'omb-2024',
  categories: ['1002-5', '2028-9', '2054-5', '2135-2', '2118-8', '2076-8', '2106-3'],
  reparent: { '2129-5': '2118-8' },
  hispanicAsCategory: true,
};

/** The two OMB ethnicity categories. */
export const ETHNICITY_CATEGORIES: readonly string[] = ['2135-2', '2186-5'];

const PARENTS: ReadonlyMap<string, string> = new Map(Object.entries(cdcParents));

/** The CDC parent of a code, after the scheme's overrides; undefined at a root or for an unknown code. */
export function cdcParent(code: string, scheme?: RaceScheme): string | undefined {
  return scheme?.reparent[code] ?? PARENTS.get(code);
}

/** Whether the code is in the CDC Race & Ethnicity hierarchy (as a root or as a child). */
export function isCdcCode(code: string): boolean {
  return PARENTS.has(code) || ROOTS.has(code);
}
const ROOTS: ReadonlySet<string> = new Set([...PARENTS.values()].filter((code) => !PARENTS.has(code)));

/** The code and its ancestors, nearest first (`2120-4` → `2120-4, 2118-8, 2106-3`). */
export function cdcAncestry(code: string, scheme?: RaceScheme): readonly string[] {
  const chain: string[] = [];
  // The hierarchy is at most five levels deep; the bound only guards against a cyclic override.
  for (let c: string | undefined = code; c !== undefined && chain.length < 10; c = cdcParent(c, scheme)) chain.push(c);
  return chain;
}

const memo = new WeakMap<readonly string[], Map<string, string | null>>();

/** The nearest ancestor (or the code itself) that is one of `categories`, else undefined (memoised per list). */
export function rollUp(code: string, categories: readonly string[], scheme?: RaceScheme): string | undefined {
  let cache = memo.get(categories);
  if (cache === undefined) {
    cache = new Map();
    memo.set(categories, cache);
  }
  const hit = cache.get(code);
  if (hit !== undefined) return hit ?? undefined;
  const found = cdcAncestry(code, scheme).find((c) => categories.includes(c));
  cache.set(code, found ?? null);
  return found;
}
