import { DIMENSION_IDS, type DimensionId } from '../domain/dimensions';
import { KEY_SEPARATOR, type AccumulatorSnapshot } from './stratification-accumulator';
import type { SuppressionPolicy } from './stratification-types';

/** Why a cell is withheld. */
export type SuppressionReason = 'small-cell' | 'complementary';

/** Which cells to withhold. */
export interface SuppressionResult {
  readonly totalSuppressed: boolean;
  /** Per stratifier (snapshot order): cell key → reason, for withheld cells only. */
  readonly suppressed: readonly ReadonlyMap<string, SuppressionReason>[];
}

/** The default policy: counts 1–10 are not shown (CMS cell-size suppression policy). */
export const DEFAULT_SUPPRESSION: SuppressionPolicy = { minCellSize: 11 };

/**
 * A cell is small when its initial population, denominator or performance denominator (denominator − exclusions −
 * exceptions) is between 1 and `minCellSize − 1`. Zero is not small: an empty cell reveals nobody.
 */
export function isSmallCell(counts: readonly number[], policy: SuppressionPolicy): boolean {
  const ip = counts[0] ?? 0;
  const den = counts[1] ?? 0;
  const perf = den - (counts[2] ?? 0) - (counts[3] ?? 0);
  const small = (n: number): boolean => n >= 1 && n < policy.minCellSize;
  return small(ip) || small(den) || small(perf);
}

interface Node {
  readonly displayed: boolean;
  readonly den: number;
  readonly ip: number;
  reason: SuppressionReason | undefined;
  readonly equations: number[];
}

interface Equation {
  /** The anchor (a lower-order stratum or the total) and the cells that sum to it. */
  readonly members: readonly number[];
}

const ROOT = 0;
const ORDER: ReadonlyMap<string, number> = new Map(DIMENSION_IDS.map((d, i) => [d, i]));

/**
 * Primary and complementary small-cell suppression.
 *
 * Primary: every small cell ({@link isSmallCell}) is withheld; if the total itself is small, everything is.
 *
 * Complementary: cells are linked by sums. Along a dimension in which every patient has exactly one key (not
 * race "alone or in combination"), the cells of an intersection that agree on the other dimensions sum to the
 * matching stratum of the lower-order stratifier (race × sex cells for Black sum to the Black race stratum), and a
 * single dimension's strata sum to the total. Lower-order strata that are not in the report take part as unknowns.
 * A withheld cell must not be recoverable by repeatedly solving any sum with one unknown (the usual row/column
 * rule, applied across all levels): while one is, the smallest shown cell of the sum that recovers it (by
 * denominator, preferring non-empty cells) is withheld too. This is the standard audit, not a full linear-algebra
 * one: combinations of several sums with two unknowns each are not checked.
 */
export function suppressCells(snapshot: AccumulatorSnapshot, policy: SuppressionPolicy): SuppressionResult {
  const multi = new Set<DimensionId>(snapshot.multiValued);
  const nodes: Node[] = [
    { displayed: true, den: snapshot.total[1], ip: snapshot.total[0], reason: undefined, equations: [] },
  ];
  const levels = new Map<string, { dims: readonly DimensionId[]; cells: Map<string, number> }>();
  const displayedNodes: Map<string, number>[] = [];
  const totalSmall = isSmallCell(snapshot.total, policy);

  const level = (dims: readonly DimensionId[]): { dims: readonly DimensionId[]; cells: Map<string, number> } => {
    const id = dims.join('+');
    let l = levels.get(id);
    if (l === undefined) {
      l = { dims, cells: new Map() };
      levels.set(id, l);
    }
    return l;
  };
  const node = (cells: Map<string, number>, key: string, init: Omit<Node, 'equations'>): number => {
    const existing = cells.get(key);
    if (existing !== undefined) return existing;
    nodes.push({ ...init, equations: [] });
    cells.set(key, nodes.length - 1);
    return nodes.length - 1;
  };

  snapshot.stratifiers.forEach((dims, i) => {
    const order = dims.map((d, j) => [d, j] as const).sort((a, b) => (ORDER.get(a[0]) ?? 0) - (ORDER.get(b[0]) ?? 0));
    const l = level(order.map(([d]) => d));
    const shown = new Map<string, number>();
    for (const [key, ...counts] of snapshot.cells[i] ?? []) {
      const parts = key.split(KEY_SEPARATOR);
      const canonical = order.map(([, j]) => parts[j] ?? '').join(KEY_SEPARATOR);
      const small = totalSmall || isSmallCell(counts, policy);
      const n = node(l.cells, canonical, {
        displayed: true,
        den: counts[1],
        ip: counts[0],
        reason: small ? 'small-cell' : undefined,
      });
      shown.set(key, n);
    }
    displayedNodes.push(shown);
  });

  const equations: Equation[] = [];
  const addEquation = (members: number[]): void => {
    equations.push({ members });
    for (const m of members) nodes[m]?.equations.push(equations.length - 1);
  };
  for (let size = 3; size >= 1; size--) {
    for (const l of [...levels.values()].filter((x) => x.dims.length === size)) {
      l.dims.forEach((dim, j) => {
        if (multi.has(dim)) return;
        if (size === 1) {
          addEquation([ROOT, ...l.cells.values()]);
          return;
        }
        const parent = level(l.dims.filter((_, k) => k !== j));
        const groups = new Map<number, number[]>();
        for (const [key, n] of l.cells) {
          const parentKey = key
            .split(KEY_SEPARATOR)
            .filter((_, k) => k !== j)
            .join(KEY_SEPARATOR);
          const anchor = node(parent.cells, parentKey, { displayed: false, den: 0, ip: 0, reason: undefined });
          const group = groups.get(anchor) ?? [];
          group.push(n);
          groups.set(anchor, group);
        }
        for (const [anchor, cells] of groups) addEquation([anchor, ...cells]);
      });
    }
  }

  if (!totalSmall) protect(nodes, equations);

  return {
    totalSuppressed: totalSmall,
    suppressed: displayedNodes.map((shown) => {
      const out = new Map<string, SuppressionReason>();
      for (const [key, n] of shown) {
        const reason = nodes[n]?.reason;
        if (reason !== undefined) out.set(key, reason);
      }
      return out;
    }),
  };
}

/**
 * Withholds more cells until no withheld cell can be recovered. First the row/column rule (a sum with exactly one
 * withheld member gets a second one), then a check by repeated solving, which also catches recoveries that go
 * through strata not in the report; each fix withholds one more cell, so this ends.
 */
function protect(nodes: Node[], equations: readonly Equation[]): void {
  const shown = (m: number): boolean => m === ROOT || (nodes[m]?.displayed === true && nodes[m].reason === undefined);
  for (let round = 0; round <= nodes.length; round++) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const e of equations) {
        const unknown = e.members.filter((m) => !shown(m));
        const [only] = unknown;
        if (unknown.length !== 1 || only === undefined || nodes[only]?.displayed !== true) continue;
        const pick = smallestShown(nodes, e);
        const target = pick === undefined ? undefined : nodes[pick];
        if (target === undefined) continue;
        target.reason = 'complementary';
        changed = true;
      }
    }
    const derivedBy = propagate(nodes, equations);
    const breach = nodes.findIndex((n, i) => n.displayed && n.reason !== undefined && (derivedBy[i] ?? -1) >= 0);
    if (breach < 0) return;
    const pick = findComplement(nodes, equations, derivedBy, derivedBy[breach] ?? 0);
    const target = pick === undefined ? undefined : nodes[pick];
    if (target === undefined) return;
    target.reason = 'complementary';
  }
}

/** For each node, the equation that recovered it (or −1): repeated solving of sums with one unknown. */
function propagate(nodes: readonly Node[], equations: readonly Equation[]): Int32Array {
  const known = nodes.map((n) => n.displayed && n.reason === undefined);
  const derivedBy = new Int32Array(nodes.length).fill(-1);
  const unknown = equations.map((e) => e.members.filter((m) => known[m] !== true).length);
  const queue: number[] = [];
  unknown.forEach((u, e) => {
    if (u === 1) queue.push(e);
  });
  while (queue.length > 0) {
    const e = queue.pop() ?? 0;
    if (unknown[e] !== 1) continue;
    const m = equations[e]?.members.find((x) => known[x] !== true);
    if (m === undefined) continue;
    known[m] = true;
    derivedBy[m] = e;
    for (const other of nodes[m]?.equations ?? []) {
      const left = (unknown[other] ?? 0) - 1;
      unknown[other] = left;
      if (left === 1) queue.push(other);
    }
  }
  return derivedBy;
}

/**
 * The cell to withhold so that equation `start` no longer recovers its unknown: its smallest shown cell; failing
 * that (its other members were themselves recovered), one from the equations that recovered them.
 */
function findComplement(
  nodes: readonly Node[],
  equations: readonly Equation[],
  derivedBy: Int32Array,
  start: number,
): number | undefined {
  const seen = new Set<number>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const e = queue.shift() ?? start;
    const members = equations[e]?.members ?? [];
    const best = smallestShown(nodes, equations[e]);
    if (best !== undefined) return best;
    for (const m of members) {
      const by = derivedBy[m] ?? -1;
      if (by >= 0 && !seen.has(by)) {
        seen.add(by);
        queue.push(by);
      }
    }
  }
  return undefined;
}

/**
 * The shown cell of a sum to withhold next: the cells before the anchor (a margin is worth more to readers), the
 * smallest non-empty denominator first, then empty cells by initial population. Never the total.
 */
function smallestShown(nodes: readonly Node[], e: Equation | undefined): number | undefined {
  if (e === undefined) return undefined;
  const [anchor, ...cells] = e.members;
  for (const candidates of [cells, anchor === undefined ? [] : [anchor]]) {
    let best: number | undefined;
    for (const m of candidates) {
      const n = nodes[m];
      if (m === ROOT || n === undefined || !n.displayed || n.reason !== undefined) continue;
      const b = best === undefined ? undefined : nodes[best];
      if (b === undefined || rank(n) < rank(b)) best = m;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/** Smallest non-empty denominator first, then empty cells by initial population. */
function rank(n: Node): number {
  return n.den > 0 ? n.den : 1e12 + n.ip;
}
