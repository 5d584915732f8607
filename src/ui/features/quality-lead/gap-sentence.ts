import type { ComplementGap } from '../../../measures/panel-gap';
import type { ImprovementNotation } from '../../../measures/types';
import { count, pct } from './format';

/** The parts of the answer to "is it worse for this group than for everyone else, and by how much?". */
export interface GapSentence {
  /** "54% of them had their blood pressure under control (95% CI 47–61%; 112 of 207 patients)." */
  readonly group: string;
  /** "Everyone else: 63% (1,880 of 2,984 patients)." */
  readonly others: string;
  /** "That is 9.4 points worse (95% CI 2.1 to 16.7 points worse)." */
  readonly gap: string;
  /** "The interval leaves out zero: …" or "could be chance". */
  readonly certainty: string;
  readonly direction: 'worse' | 'better' | 'same';
  /** Whether the difference's interval leaves out zero. */
  readonly beyondChance: boolean;
}

const onePlace = (x: number): string => Math.abs(x * 100).toFixed(1);

/**
 * Words for a group's gap against everyone else, signed so that "worse" follows the measure's direction (for
 * CMS122, a higher rate of poor control is worse). The interval of the difference is Newcombe's (see `panel-gap`).
 */
export function gapSentence(
  gap: ComplementGap,
  improvement: ImprovementNotation,
  rateMeans: string,
  groupInterval: { readonly lower: number; readonly upper: number } | undefined,
): GapSentence {
  const sign = improvement === 'decrease' ? 1 : -1;
  // "worse" amounts: positive means worse, whatever the measure's direction.
  const worse = sign * gap.difference;
  const [lo, hi] = sign === 1 ? [gap.interval.lower, gap.interval.upper] : [-gap.interval.upper, -gap.interval.lower];
  const direction = worse > 0 ? 'worse' : worse < 0 ? 'better' : 'same';
  const beyondChance = lo > 0 || hi < 0;
  const bound = (x: number): string => `${onePlace(x)} points ${x >= 0 ? 'worse' : 'better'}`;
  const rate = gap.stratum.successes / gap.stratum.n;
  const othersRate = gap.others.successes / gap.others.n;
  return {
    group:
      `${pct(rate)} of them ${rateMeans}` +
      ` (95% CI ${groupInterval === undefined ? '–' : `${pct(groupInterval.lower)}–${pct(groupInterval.upper)}`};` +
      ` ${count(gap.stratum.successes)} of ${count(gap.stratum.n)} patients).`,
    others: `Everyone else: ${pct(othersRate)} (${count(gap.others.successes)} of ${count(gap.others.n)} patients).`,
    gap:
      direction === 'same'
        ? 'That is the same rate.'
        : `That is ${onePlace(worse)} percentage points ${direction} (95% CI ${bound(lo)} to ${bound(hi)}).`,
    certainty: beyondChance
      ? 'The whole interval is on one side of zero: a difference this large is unlikely to be chance alone.'
      : 'The interval includes zero: the difference could be chance.',
    direction,
    beyondChance,
  };
}
