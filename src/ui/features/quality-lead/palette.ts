/**
 * Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"): distinguishable with the common colour-vision
 * deficiencies. Colour never carries meaning alone: every coloured mark also has a pattern or a word.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** How a stratum compares with everyone else, as the charts mark it (colour, pattern and a word). */
export type Standing = 'worse' | 'better' | 'similar' | 'none';

export const STANDING_FILL: Readonly<Record<Standing, string>> = {
  worse: 'url(#el-pattern-worse)',
  better: 'url(#el-pattern-better)',
  similar: OKABE_ITO.blue,
  none: '#9aa4ae',
};

export const STANDING_WORD: Readonly<Record<Standing, string>> = {
  worse: 'worse',
  better: 'better',
  similar: '',
  none: '',
};

/** Colours of series in grouped charts, in order (each also gets its own pattern). */
export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
  OKABE_ITO.black,
];

/** Fill for series `index`: the colour, with a pattern from the second series on. */
export function seriesFill(index: number): string {
  return index === 0
    ? (SERIES_COLOURS[0] ?? OKABE_ITO.blue)
    : `url(#el-series-${String(index % SERIES_COLOURS.length)})`;
}
