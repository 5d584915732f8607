import { useId, useMemo } from 'react';
import { payerMix, type PayerMixGroup } from '../../../measures/panel-payer-mix';
import { CsvButton } from './CsvButton';
import { fileName } from './download';
import { count, groupLabel, pct, points } from './format';
import { patientRows, type PanelProps } from './panel-props';
import { ShareChart, type ShareReference } from './ShareChart';
import { panelFilters } from './view-state';

const small = (g: PayerMixGroup): boolean => g.patients > 0 && g.patients < 11;

/** "9 points more than the region" / "the same as the region". */
function versus(share: number | undefined, benchmark: number | undefined): string {
  if (share === undefined || benchmark === undefined) return '–';
  const d = share - benchmark / 100;
  if (Math.abs(d) < 0.0005) return 'same as the region';
  return `${points(d)} ${d > 0 ? 'more' : 'fewer'} than the region`;
}

/**
 * Payer mix: the share of patients on Medicaid and uninsured by practitioner, against the practice overall and a
 * community benchmark the user enters (the toolkit's "difference between the percent of Medicaid/uninsured patients
 * treated and the percent in the region").
 */
export function PayerMixPanel({ data, view, update }: PanelProps) {
  const id = useId();
  const mix = useMemo(() => payerMix(patientRows(data), panelFilters(view.filters)), [data, view.filters]);
  const { overall } = mix;
  const name = (g: PayerMixGroup): string =>
    g.key === 'all' ? 'Whole practice' : groupLabel('practitioner', g.key, data.practitioners);
  const groups = [overall, ...mix.byPractitioner];
  const setBenchmark = (which: 'medicaid' | 'uninsured', raw: string): void => {
    const value = raw.trim() === '' ? undefined : Number(raw);
    update((v) => {
      const benchmark = { ...v.benchmark };
      if (value === undefined || !Number.isFinite(value) || value < 0 || value > 100) {
        return {
          ...v,
          benchmark: which === 'medicaid' ? { uninsured: benchmark.uninsured } : { medicaid: benchmark.medicaid },
        };
      }
      return { ...v, benchmark: { ...benchmark, [which]: value } };
    });
  };
  const chart = (which: 'medicaid' | 'uninsured', title: string) => {
    const practice = which === 'medicaid' ? overall.medicaidShare : overall.uninsuredShare;
    const regional = view.benchmark[which];
    const references: ShareReference[] = [
      ...(practice === undefined ? [] : [{ label: `Practice ${pct(practice)}`, share: practice, dash: '6 4' }]),
      ...(regional === undefined
        ? []
        : [{ label: `Region ${pct(regional / 100)}`, share: regional / 100, dash: '2 3' }]),
    ];
    return (
      <figure className="chart-figure">
        <figcaption>{title}</figcaption>
        <ShareChart
          max={0.5}
          bars={mix.byPractitioner.map((g) => {
            const s = which === 'medicaid' ? g.medicaidShare : g.uninsuredShare;
            return {
              label: name(g),
              share: small(g) ? undefined : s,
              text: small(g) ? 'suppressed (fewer than 11)' : `${pct(s)} of ${count(g.patients)}`,
            };
          })}
          references={references}
          summary={`${title}: practice ${pct(practice)}${regional === undefined ? '' : `, region ${pct(regional / 100)}`}.`}
        />
      </figure>
    );
  };
  return (
    <section className="card panel" aria-labelledby="payer-title" data-testid="panel-payer">
      <div className="panel-head">
        <h2 id="payer-title">Payer mix: Medicaid and uninsured patients</h2>
        <CsvButton
          filename={fileName(['payer-mix', view.year], 'csv')}
          header={[
            'group',
            'patients',
            'medicaid',
            'medicaid_share',
            'medicaid_vs_region',
            'uninsured',
            'uninsured_share',
            'uninsured_vs_region',
            'no_coverage_on_record',
          ]}
          rows={() =>
            groups.map((g) =>
              small(g)
                ? [name(g), 'fewer than 11', '', '', '', '', '', '', '']
                : [
                    name(g),
                    g.patients,
                    g.medicaid,
                    g.medicaidShare,
                    versus(g.medicaidShare, view.benchmark.medicaid),
                    g.uninsured,
                    g.uninsuredShare,
                    versus(g.uninsuredShare, view.benchmark.uninsured),
                    g.noCoverage,
                  ],
            )
          }
          what="payer mix"
        />
      </div>
      <p className="hint">
        Payer on the last day of the period, from each patient’s primary active coverage. Uninsured includes self-pay.
        Enter your region’s shares (for example from the Census American Community Survey) to compare.
      </p>
      <div className="controls">
        <span className="field">
          <label htmlFor={`${id}-medicaid`}>Region: % on Medicaid</label>
          <input
            id={`${id}-medicaid`}
            data-testid="benchmark-medicaid"
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={0.1}
            defaultValue={view.benchmark.medicaid}
            onChange={(e) => {
              setBenchmark('medicaid', e.target.value);
            }}
          />
        </span>
        <span className="field">
          <label htmlFor={`${id}-uninsured`}>Region: % uninsured</label>
          <input
            id={`${id}-uninsured`}
            data-testid="benchmark-uninsured"
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={0.1}
            defaultValue={view.benchmark.uninsured}
            onChange={(e) => {
              setBenchmark('uninsured', e.target.value);
            }}
          />
        </span>
      </div>
      <p data-testid="payer-summary">
        The practice: {pct(overall.medicaidShare)} on Medicaid
        {view.benchmark.medicaid === undefined
          ? ''
          : ` (${versus(overall.medicaidShare, view.benchmark.medicaid)})`}, {pct(overall.uninsuredShare)} uninsured
        {view.benchmark.uninsured === undefined ? '' : ` (${versus(overall.uninsuredShare, view.benchmark.uninsured)})`}
        .
      </p>
      {chart('medicaid', 'Share on Medicaid, by practitioner')}
      {chart('uninsured', 'Share uninsured or self-pay, by practitioner')}
      <div className="table-scroll">
        <table data-testid="payer-table">
          <caption>Payer mix by practitioner</caption>
          <thead>
            <tr>
              <th scope="col">Practitioner</th>
              <th scope="col">Patients</th>
              <th scope="col">Medicaid</th>
              <th scope="col">Against the region</th>
              <th scope="col">Uninsured</th>
              <th scope="col">Against the region</th>
              <th scope="col">No coverage on record</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key} data-testid={`payer-${g.key}`}>
                <th scope="row">{name(g)}</th>
                {small(g) ? (
                  <td colSpan={6}>suppressed (fewer than 11)</td>
                ) : (
                  <>
                    <td data-cell="patients">{count(g.patients)}</td>
                    <td data-cell="medicaid">
                      {pct(g.medicaidShare)} ({count(g.medicaid)})
                    </td>
                    <td>{versus(g.medicaidShare, view.benchmark.medicaid)}</td>
                    <td data-cell="uninsured">
                      {pct(g.uninsuredShare)} ({count(g.uninsured)})
                    </td>
                    <td>{versus(g.uninsuredShare, view.benchmark.uninsured)}</td>
                    <td>{count(g.noCoverage)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
