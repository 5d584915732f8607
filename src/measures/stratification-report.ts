import { UNINFORMATIVE_KEYS, type DimensionId } from '../domain/dimensions';
import { stratumLabel } from '../domain/stratum-labels';
import {
  countsOf,
  KEY_SEPARATOR,
  StratificationAccumulator,
  type AccumulatorSnapshot,
} from './stratification-accumulator';
import type {
  Comparison,
  OverallResult,
  ReferenceChoice,
  StratificationOptions,
  StratificationReport,
  StratifierResult,
  StratumComponent,
  StratumResult,
  VisibleStratum,
} from './stratification-types';
import { stratifierId } from './stratification-types';
import { wilsonInterval, Z_95 } from './stats-wilson';
import { DEFAULT_SUPPRESSION, suppressCells, type SuppressionResult } from './suppress-cells';

const COMPLEMENT: ReferenceChoice = { kind: 'complement' };

/**
 * Turns raw counts into the finished report: rate = numerator ÷ (denominator − exclusions − exceptions) (none when
 * that is 0), Wilson interval, comparison with the reference (see `ReferenceChoice`, `Comparison` for the sign
 * convention), and small-cell suppression (`suppressCells`). Suppressed strata carry no counts at all, and a
 * reference that is itself suppressed yields no comparison. Strata are ordered by denominator (largest first),
 * unknown/declined/absent last, then by key, so equal counts always give an equal report.
 */
export function finishStratification(
  source: StratificationAccumulator | AccumulatorSnapshot,
  options: StratificationOptions,
): StratificationReport {
  const snap = source instanceof StratificationAccumulator ? source.toSnapshot() : source;
  const z = options.z ?? Z_95;
  const policy = options.suppression ?? DEFAULT_SUPPRESSION;
  const suppression: SuppressionResult =
    policy === false
      ? { totalSuppressed: false, suppressed: snap.stratifiers.map(() => new Map()) }
      : suppressCells(snap, policy);
  const total = snap.total;
  const overall: OverallResult = suppression.totalSuppressed
    ? { suppressed: true, reason: 'small-cell' }
    : { suppressed: false, ...rated(total, z) };

  const stratifiers = snap.stratifiers.map((dims, i): StratifierResult => {
    const id = stratifierId(dims);
    const reference = options.referenceByStratifier?.[id] ?? options.reference ?? COMPLEMENT;
    const hidden = suppression.suppressed[i] ?? new Map<string, never>();
    const strata = (snap.cells[i] ?? []).map(([cellKey, ...counts]): StratumResult => {
      const components = componentsOf(dims, cellKey);
      const identity = {
        key: components.map((c) => c.key).join(' × '),
        components,
        label: components.map((c) => c.label).join(' × '),
      };
      const reason = hidden.get(cellKey);
      if (reason !== undefined || suppression.totalSuppressed)
        return { ...identity, suppressed: true, reason: reason ?? 'small-cell' };
      return { ...identity, suppressed: false, ...rated(counts, z) };
    });
    const compared = compare(strata, reference, total, options, z);
    return { id, dimensions: [...dims], reference, strata: compared.sort(byDisplayOrder) };
  });

  return { improvementNotation: options.improvementNotation, overall, stratifiers, suppression: policy };
}

function componentsOf(dims: readonly DimensionId[], cellKey: string): StratumComponent[] {
  const parts = cellKey.split(KEY_SEPARATOR);
  return dims.map((dimension, j) => {
    const key = parts[j] ?? 'absent';
    return { dimension, key, label: stratumLabel(dimension, key) };
  });
}

interface Rated {
  readonly counts: VisibleStratum['counts'];
  readonly performanceDenominator: number;
  readonly rate?: number;
  readonly interval?: VisibleStratum['interval'];
}

function rated(t: readonly number[], z: number): Rated {
  const counts = countsOf(t);
  const perf = counts.denominator - counts.denominatorExclusion - counts.denominatorException;
  if (perf <= 0) return { counts, performanceDenominator: Math.max(0, perf) };
  const interval = wilsonInterval(counts.numerator, perf, z);
  return {
    counts,
    performanceDenominator: perf,
    rate: counts.numerator / perf,
    ...(interval === undefined ? {} : { interval }),
  };
}

function compare(
  strata: readonly StratumResult[],
  reference: ReferenceChoice,
  total: readonly number[],
  options: StratificationOptions,
  z: number,
): StratumResult[] {
  const sign = options.improvementNotation === 'decrease' ? 1 : -1;
  const fixed = fixedReference(strata, reference, total, z, sign);
  return strata.map((s) => {
    if (s.suppressed || s.rate === undefined || s.interval === undefined) return s;
    let ref: { rate: number; label: string } | undefined = fixed;
    if (reference.kind === 'complement') {
      const c = s.counts;
      const perf =
        (total[1] ?? 0) -
        c.denominator -
        ((total[2] ?? 0) - c.denominatorExclusion) -
        ((total[3] ?? 0) - c.denominatorException);
      ref = perf > 0 ? { rate: ((total[4] ?? 0) - c.numerator) / perf, label: 'Everyone else' } : undefined;
    }
    if (ref === undefined) return s;
    const difference = s.rate - ref.rate;
    const gap = sign * difference;
    const comparison: Comparison = {
      reference,
      referenceLabel: ref.label,
      referenceRate: ref.rate,
      difference,
      ...(ref.rate > 0 ? { ratio: s.rate / ref.rate } : {}),
      gap,
      excludesReference: ref.rate < s.interval.lower || ref.rate > s.interval.upper,
      direction: gap > 0 ? 'worse' : gap < 0 ? 'better' : 'same',
    };
    return { ...s, comparison };
  });
}

/** The reference rate shared by all strata (overall, named or best), or undefined for complement / unavailable. */
function fixedReference(
  strata: readonly StratumResult[],
  reference: ReferenceChoice,
  total: readonly number[],
  z: number,
  sign: number,
): { rate: number; label: string } | undefined {
  switch (reference.kind) {
    case 'complement':
      return undefined;
    case 'overall': {
      const r = rated(total, z).rate;
      return r === undefined ? undefined : { rate: r, label: 'Overall' };
    }
    case 'stratum': {
      const want = typeof reference.key === 'string' ? [reference.key] : reference.key;
      const s = strata.find(
        (x) => x.components.every((c, j) => c.key === want[j]) && want.length === x.components.length,
      );
      return s === undefined || s.suppressed || s.rate === undefined ? undefined : { rate: s.rate, label: s.label };
    }
    case 'best': {
      let best: VisibleStratum | undefined;
      for (const s of strata) {
        if (s.suppressed || s.rate === undefined || s.components.some((c) => UNINFORMATIVE_KEYS.has(c.key))) continue;
        const better =
          best?.rate === undefined ||
          sign * s.rate < sign * best.rate ||
          (s.rate === best.rate && s.performanceDenominator > best.performanceDenominator);
        if (better) best = s;
      }
      return best?.rate === undefined ? undefined : { rate: best.rate, label: best.label };
    }
  }
}

function byDisplayOrder(a: StratumResult, b: StratumResult): number {
  const ua = a.components.some((c) => UNINFORMATIVE_KEYS.has(c.key)) ? 1 : 0;
  const ub = b.components.some((c) => UNINFORMATIVE_KEYS.has(c.key)) ? 1 : 0;
  if (ua !== ub) return ua - ub;
  const da = a.suppressed ? -1 : a.counts.denominator;
  const db = b.suppressed ? -1 : b.counts.denominator;
  if (da !== db) return db - da;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
