import { OKABE_ITO, SERIES_COLOURS } from './palette';

/**
 * SVG patterns shared by every chart of the view (a pattern defined in one inline SVG can fill shapes in another):
 * diagonal hatching for "worse", dots for "better", and a distinct texture per series of grouped charts, so that
 * nothing depends on telling colours apart.
 */
export function ChartPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        <pattern id="el-pattern-worse" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill={OKABE_ITO.vermillion} />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" strokeWidth="3" />
        </pattern>
        <pattern id="el-pattern-better" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={OKABE_ITO.bluishGreen} />
          <circle cx="4" cy="4" r="1.6" fill="#ffffff" />
        </pattern>
        {SERIES_COLOURS.map((colour, i) => (
          <pattern key={colour} id={`el-series-${String(i)}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={colour} />
            {i % 3 === 1 && <line x1="0" y1="8" x2="8" y2="0" stroke="#ffffff" strokeWidth="1.5" />}
            {i % 3 === 2 && <circle cx="4" cy="4" r="1.5" fill="#ffffff" />}
            {i % 3 === 0 && i > 0 && <line x1="0" y1="4" x2="8" y2="4" stroke="#ffffff" strokeWidth="1.5" />}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}
