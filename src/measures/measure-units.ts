import { SYSTEMS } from './codes';
import type { ObservedValue } from './patient-facts';

/** Why a recorded value cannot be compared with the measure's threshold. */
export type UnusableValue =
  /** No value at all (the CQL `value is null` case). */
  | 'none'
  /** Not a Quantity (a coded or text result). */
  | 'not-quantity'
  /** A Quantity without any unit: FHIRHelpers makes it unit `1`, which no threshold in % or mm[Hg] compares with. */
  | 'no-unit'
  /** A unit (or a non-UCUM system) that the engine does not convert. */
  | 'unknown-unit'
  /** A value with a comparator (`<`, `>=`...): FHIRHelpers refuses to convert it. */
  | 'comparator';

export type ReadValue =
  | { readonly ok: true; readonly value: number; readonly unit: string | undefined; readonly converted: boolean }
  | { readonly ok: false; readonly reason: UnusableValue; readonly recorded?: number; readonly unit?: string };

/**
 * The unit a CQL engine sees: FHIRHelpers `ToQuantity` takes `code`, else `unit`. `null` marks a quantity whose
 * system is neither UCUM nor absent, which FHIRHelpers rejects.
 */
function cqlUnit(q: Extract<ObservedValue, { kind: 'quantity' }>): string | undefined | null {
  if (q.system !== undefined && q.system !== SYSTEMS.ucum) return null;
  return q.code ?? q.unit;
}

function unusable(v: ObservedValue): ReadValue | undefined {
  if (v.kind === 'none') return { ok: false, reason: 'none' };
  if (v.kind !== 'quantity') return { ok: false, reason: 'not-quantity' };
  if (v.comparator !== undefined) return { ok: false, reason: 'comparator', recorded: v.value };
  return undefined;
}

/**
 * A blood-pressure component value in mm[Hg] (CMS165 compares with `140 'mm[Hg]'` and `90 'mm[Hg]'`).
 * The non-UCUM spelling `mmHg` is accepted as mm[Hg] (`converted: true`, so the caller can warn).
 */
export function readMillimetresOfMercury(v: ObservedValue): ReadValue {
  const bad = unusable(v);
  if (bad !== undefined || v.kind !== 'quantity') return bad ?? { ok: false, reason: 'not-quantity' };
  const unit = cqlUnit(v);
  if (unit === 'mm[Hg]') return { ok: true, value: v.value, unit, converted: false };
  if (unit === 'mmHg') {
    return { ok: true, value: v.value, unit: 'mmHg', converted: true };
  }
  if (unit === undefined) return { ok: false, reason: 'no-unit', recorded: v.value };
  return { ok: false, reason: 'unknown-unit', recorded: v.value, unit: unit ?? v.unit ?? v.code };
}

/** IFCC (mmol/mol) to NGSP (%) master equation: NGSP = 0.09148 × IFCC + 2.152. */
export function ifccToNgsp(mmolPerMol: number): number {
  // Rounded to 4 decimals so that floating-point noise never decides a comparison with 9 %.
  return Math.round((0.09148 * mmolPerMol + 2.152) * 10_000) / 10_000;
}

/**
 * An HbA1c / GMI value in % (NGSP). `mmol/mol` (IFCC) is converted with the master equation (`converted: true`).
 * A missing unit is not assumed to be %: as in CQL, such a value does not compare with `9 '%'`.
 */
export function readGlycemicPercent(v: ObservedValue): ReadValue {
  const bad = unusable(v);
  if (bad !== undefined || v.kind !== 'quantity') return bad ?? { ok: false, reason: 'not-quantity' };
  const unit = cqlUnit(v);
  if (unit === '%') return { ok: true, value: v.value, unit, converted: false };
  if (unit === 'mmol/mol') return { ok: true, value: ifccToNgsp(v.value), unit, converted: true };
  if (unit === undefined) return { ok: false, reason: 'no-unit', recorded: v.value };
  return { ok: false, reason: 'unknown-unit', recorded: v.value, unit: unit ?? v.unit ?? v.code };
}
