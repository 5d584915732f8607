import { seriesFill } from './palette';

/** A legend in HTML: each series' swatch (colour and pattern) with its name in text. */
export function SeriesLegend({ items }: { readonly items: readonly string[] }) {
  return (
    <ul className="series-legend" aria-label="Legend">
      {items.map((label, i) => (
        <li key={label}>
          <svg width="18" height="14" aria-hidden="true" focusable="false">
            <rect width="18" height="14" fill={seriesFill(i)} stroke="#1b1f24" strokeWidth="0.5" />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
