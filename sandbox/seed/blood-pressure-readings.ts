import type { PatientProfile } from './profile';
import type { Rng } from './prng';

/** A reading in mm[Hg]. */
export type Bp = readonly [systolic: number, diastolic: number];

/** Which number(s) of an uncontrolled reading are at or above the threshold (140 systolic, 90 diastolic). */
export type Fail = 'sys' | 'dia' | 'both';

/** Draws readings that meet CMS165's numerator (< 140/90) or fail it in the given number(s). */
export type BpSource = (controlled: boolean, fail: Fail) => Bp;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(v)));

/**
 * A patient's readings scatter around two personal levels, one when controlled and one when not, so that a
 * patient's history looks like one person's rather than independent draws.
 */
export function bpSource(rng: Rng): BpSource {
  const ok = [rng.int(116, 132), rng.int(68, 82)] as const;
  const high = [rng.int(144, 166), rng.int(88, 98)] as const;
  const jitter = (): number => rng.normal(0, 5);
  return (controlled, fail) => {
    if (controlled) return [clamp(ok[0] + jitter(), 100, 139), clamp(ok[1] + jitter(), 56, 89)];
    if (fail === 'sys') return [clamp(high[0] + jitter(), 140, 195), clamp(ok[1] + 4 + jitter(), 60, 98)];
    if (fail === 'dia') return [clamp(ok[0] + 6 + jitter(), 110, 139), clamp(high[1] + 3 + jitter(), 90, 112)];
    return [clamp(high[0] + jitter(), 140, 195), clamp(high[1] + 3 + jitter(), 90, 112)];
  };
}

/**
 * Whether an earlier reading is controlled: persistent (the intended outcome makes it likelier) while keeping the
 * model's probability p as the marginal rate: p + 0.4(1 − p) if the period ends controlled, 0.6p if not.
 */
export function earlierControlled(rng: Rng, p: PatientProfile): boolean {
  const q = p.bpControlled ? p.bpProbability + 0.4 * (1 - p.bpProbability) : 0.6 * p.bpProbability;
  return rng.chance(q);
}

/** Which number fails in an uncontrolled reading (design: mostly systolic, as in treated older adults). */
const FAIL_WEIGHTS = { sys: 0.7, dia: 0.15, both: 0.15 } as const;

/** Draws which number fails in an uncontrolled reading. */
export function drawFail(rng: Rng): 'sys' | 'dia' | 'both' {
  return rng.weighted(FAIL_WEIGHTS);
}

/** A reading of someone without hypertension. */
export function normalBp(rng: Rng): Bp {
  return [
    Math.round(Math.min(150, Math.max(95, rng.normal(121, 10)))),
    Math.round(Math.min(95, Math.max(55, rng.normal(76, 7)))),
  ];
}

/** The builder's input shape of a reading. */
export function toBp(values: Bp): { systolic: number; diastolic: number } {
  return { systolic: values[0], diastolic: values[1] };
}
