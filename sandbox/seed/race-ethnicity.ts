import type { Coding, Extension } from 'fhir/r4';
import { SYSTEM, US_CORE } from './codes';
import { HISPANIC_RACE, OMB_ETHNICITY, OMB_RACE } from './population-mix';
import type { Heritage, OmbRace } from './population-mix';
import type { MessyKind } from './messy-cases';
import type { Rng } from './prng';

/** A US Core race or ethnicity extension as written, and the stratum key it should land in (STANDARDS.md). */
export interface RecordedCategory {
  /** Absent when the category is not recorded at all. */
  readonly extension?: Extension;
  /** `system|code`-free stratum key: an OMB code, `multiple`, `ASKU`, `UNK` or `absent`. */
  readonly key: string;
}

/** How often a category is not recorded, declined, or unknown (design shares; EHR completeness varies widely). */
export const RECORDING_GAPS = { asked: 0.03, unknown: 0.02, absent: 0.025 } as const;

const NULL_FLAVOR = {
  ASKU: { system: SYSTEM.nullFlavor, code: 'ASKU', display: 'asked but declined' },
  UNK: { system: SYSTEM.nullFlavor, code: 'UNK', display: 'unknown' },
} as const;

const sub = (url: string, valueCoding: Coding): Extension => ({ url, valueCoding });
const text = (value: string): Extension => ({ url: 'text', valueString: value });

function build(url: string, parts: Extension[]): Extension {
  return { url, extension: parts };
}

function nullFlavored(url: string, flavor: 'ASKU' | 'UNK', label: string): RecordedCategory {
  return { extension: build(url, [sub('ombCategory', NULL_FLAVOR[flavor]), text(label)]), key: flavor };
}

/** Draws the recording gap, if any: declined, unknown, or not recorded at all. */
export function drawGap(rng: Rng): 'ASKU' | 'UNK' | 'absent' | undefined {
  const r = rng.next();
  if (r < RECORDING_GAPS.asked) return 'ASKU';
  if (r < RECORDING_GAPS.asked + RECORDING_GAPS.unknown) return 'UNK';
  if (r < RECORDING_GAPS.asked + RECORDING_GAPS.unknown + RECORDING_GAPS.absent) return 'absent';
  return undefined;
}

function ombRaces(heritage: Heritage, rng: Rng): readonly OmbRace[] | 'other' {
  if (heritage.group === 'hispanic') {
    const r = rng.weighted(HISPANIC_RACE);
    return r === 'other' ? 'other' : r === 'white-aian' ? ['white', 'aian'] : [r];
  }
  if (heritage.races) return heritage.races;
  if (heritage.group === 'multiracial') return ['white', 'black'];
  return [heritage.group];
}

/** The race extension of a patient of this heritage (OMB codes, detailed codes that roll up, or a null flavor). */
export function drawRace(rng: Rng, heritage: Heritage, gap: 'ASKU' | 'UNK' | 'absent' | undefined): RecordedCategory {
  if (gap === 'absent') return { key: 'absent' };
  if (gap === 'ASKU') return nullFlavored(US_CORE.race, 'ASKU', 'Declined to answer');
  if (gap === 'UNK') return nullFlavored(US_CORE.race, 'UNK', 'Unknown');
  const races = ombRaces(heritage, rng);
  if (races === 'other') return nullFlavored(US_CORE.race, 'UNK', 'Other race');
  const omb = races.map((r) => OMB_RACE[r]);
  const label = omb.map((c) => c.display ?? '').join(', ');
  if (omb.length > 1) {
    return { extension: build(US_CORE.race, [...omb.map((c) => sub('ombCategory', c)), text(label)]), key: 'multiple' };
  }
  const only = omb[0];
  if (!only) return { key: 'absent' };
  const detailed = heritage.raceDetailed;
  const style = rng.next();
  if (detailed && style < 0.1) {
    // Detailed code only: the stratum comes from rolling it up to its OMB parent.
    return {
      extension: build(US_CORE.race, [sub('detailed', detailed), text(detailed.display ?? label)]),
      key: only.code ?? '',
    };
  }
  if (detailed && style < 0.45) {
    const parts = [sub('ombCategory', only), sub('detailed', detailed), text(detailed.display ?? label)];
    return { extension: build(US_CORE.race, parts), key: only.code ?? '' };
  }
  return { extension: build(US_CORE.race, [sub('ombCategory', only), text(label)]), key: only.code ?? '' };
}

/** The ethnicity extension: Hispanic or Latino (with a detailed origin most of the time) or not. */
export function drawEthnicity(
  rng: Rng,
  heritage: Heritage,
  gap: 'ASKU' | 'UNK' | 'absent' | undefined,
): RecordedCategory {
  if (gap === 'absent') return { key: 'absent' };
  if (gap === 'ASKU') return nullFlavored(US_CORE.ethnicity, 'ASKU', 'Declined to answer');
  if (gap === 'UNK') return nullFlavored(US_CORE.ethnicity, 'UNK', 'Unknown');
  if (heritage.group !== 'hispanic') {
    const omb = OMB_ETHNICITY.notHispanic;
    return {
      extension: build(US_CORE.ethnicity, [sub('ombCategory', omb), text(omb.display ?? '')]),
      key: omb.code ?? '',
    };
  }
  const omb = OMB_ETHNICITY.hispanic;
  const detailed = heritage.ethnicityDetailed;
  const style = rng.next();
  const key = omb.code ?? '';
  if (detailed && style < 0.1) {
    return { extension: build(US_CORE.ethnicity, [sub('detailed', detailed), text(detailed.display ?? '')]), key };
  }
  if (detailed && style < 0.7) {
    const parts = [sub('ombCategory', omb), sub('detailed', detailed), text(detailed.display ?? '')];
    return { extension: build(US_CORE.ethnicity, parts), key };
  }
  return { extension: build(US_CORE.ethnicity, [sub('ombCategory', omb), text(omb.display ?? '')]), key };
}

/** The two deliberately malformed race extensions of the messy cases, or undefined for any other patient. */
export function malformedRace(kind: MessyKind | undefined): RecordedCategory | undefined {
  if (kind === 'race-ombcategory-without-coding') {
    const parts = [sub('ombCategory', OMB_RACE.black), { url: 'ombCategory', valueString: 'Black' }, text('Black')];
    return { extension: build(US_CORE.race, parts), key: OMB_RACE.black.code ?? '' };
  }
  if (kind === 'race-coding-without-system') {
    const parts = [sub('ombCategory', { code: '2106-3', display: 'White' }), text('White')];
    // The app's reader accepts a bare CDC code (system "CDC or none"), so the stratum is the code's category.
    return { extension: build(US_CORE.race, parts), key: OMB_RACE.white.code ?? '' };
  }
  return undefined;
}
