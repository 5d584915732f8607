import type { PanelId, ViewState } from './view-state';

/** The pages, in the order of the toolkit's questions. */
export const PANEL_TITLES: Readonly<Record<PanelId, string>> = {
  overview: 'Overview',
  disparities: 'Disparities',
  intersections: 'Intersections',
  quality: 'REAL data quality',
  payer: 'Payer mix',
  outreach: 'Outreach list',
  goals: 'Goals',
};

interface PanelNavProps {
  readonly panels: readonly PanelId[];
  readonly view: ViewState;
  readonly update: (change: (view: ViewState) => ViewState) => void;
}

/** Navigation between the panels ("pages" of the view; the current one is marked for screen readers). */
export function PanelNav({ panels, view, update }: PanelNavProps) {
  return (
    <nav className="panel-nav" aria-label="Panels">
      <ul>
        {panels.map((panel) => (
          <li key={panel}>
            <button
              type="button"
              className={view.panel === panel ? 'tab current' : 'tab'}
              aria-current={view.panel === panel ? 'page' : undefined}
              data-testid={`nav-${panel}`}
              onClick={() => {
                update((v) => ({ ...v, panel }));
              }}
            >
              {PANEL_TITLES[panel]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
