import { useId, useMemo, useState } from 'react';
import { dimensionInfo, UNINFORMATIVE_KEYS, type DimensionId } from '../../../domain/dimensions';
import { stratifyRows } from '../../../measures/panel-stratify';
import { outreachList, sortOutreach, type OutreachEntry, type OutreachSortKey } from '../../../measures/panel-outreach';
import { CsvButton } from './CsvButton';
import { DimensionSelect } from './DimensionSelect';
import { fileName } from './download';
import { count, groupLabel, groupLabels } from './format';
import { MeasureSelect } from './MeasureSelect';
import { MEASURE_WORDS } from './measure-words';
import { keysOf, rowsOf, type PanelProps } from './panel-props';
import type { PopulationData } from './population-run';
import { PANEL_MEASURE_IDS, panelFilters, type GroupRef, type PanelMeasureId } from './view-state';

const COLUMNS: readonly { readonly key: OutreachSortKey; readonly label: string }[] = [
  { key: 'name', label: 'Patient' },
  { key: 'age', label: 'Age' },
  { key: 'bp', label: 'Last blood pressure' },
  { key: 'bp-day', label: 'Taken on' },
  { key: 'a1c', label: 'Last HbA1c' },
  { key: 'a1c-day', label: 'Taken on' },
];

const bp = (e: OutreachEntry): string =>
  e.lastBloodPressure === undefined
    ? '–'
    : e.lastBloodPressure === null
      ? 'none this year'
      : `${e.lastBloodPressure.systolic === null ? '?' : String(e.lastBloodPressure.systolic)}/${e.lastBloodPressure.diastolic === null ? '?' : String(e.lastBloodPressure.diastolic)} mmHg`;

const a1c = (e: OutreachEntry): string =>
  e.lastGlycemic === undefined
    ? '–'
    : e.lastGlycemic === null
      ? 'none this year'
      : e.lastGlycemic.percent === null
        ? 'no usable result'
        : `${e.lastGlycemic.percent.toFixed(1)}%${e.lastGlycemic.test === 'gmi' ? ' (GMI)' : ''}`;

/**
 * The patients of a group who are not meeting the measure, with their last blood pressure and HbA1c from the
 * engine's evidence: sortable, exportable as CSV. Shown only when the token allows reading patients one by one.
 */
export function OutreachPanel({ data, view, update, canSeePatients }: PanelProps) {
  const words = MEASURE_WORDS[view.measure];
  const id = useId();
  const [sort, setSort] = useState<{ key: OutreachSortKey; direction: 'ascending' | 'descending' }>({
    key: 'name',
    direction: 'ascending',
  });
  const group = view.group ?? defaultGroup(data, view.measure, view.dimension);
  const entries = useMemo(() => {
    const others = PANEL_MEASURE_IDS.filter((m) => m !== view.measure).map((m) => rowsOf(data, m));
    return outreachList(rowsOf(data, view.measure), {
      improvementNotation: words.improvement,
      selection: group,
      filters: panelFilters(view.filters),
      others,
    });
    // The group is compared by value: a new object with the same keys must not recompute.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, view.measure, view.filters, words.improvement, group.dimensions.join('+'), group.keys.join(',')]);
  const nameOf = (patientId: string): string => data.names?.get(patientId) ?? patientId;
  const sorted = sortOutreach(entries, sort.key, sort.direction, nameOf);
  const label = groupLabels(group.dimensions, group.keys, data.practitioners);
  if (!canSeePatients || data.names === undefined) {
    return (
      <section className="card panel" aria-labelledby="outreach-title" data-testid="panel-outreach">
        <h2 id="outreach-title">Outreach list</h2>
        <p className="notice" role="note" data-testid="outreach-hidden">
          Your EHR account did not give Equity Lens permission to read patient records one by one (the “user/Patient.rs”
          permission), so the list of patients is not shown; the other panels show counts only. Ask your EHR
          administrator for this permission if your role includes outreach.
        </p>
      </section>
    );
  }
  const single = group.dimensions.length === 1 ? group.dimensions[0] : undefined;
  return (
    <section className="card panel" aria-labelledby="outreach-title" data-testid="panel-outreach">
      <div className="panel-head">
        <h2 id="outreach-title">Outreach list: {label}</h2>
        <CsvButton
          filename={fileName(['outreach', view.measure, ...group.keys, view.year], 'csv')}
          header={['patient', 'patient_id', 'age', 'last_bp', 'bp_date', 'last_hba1c_percent', 'hba1c_date', 'reason']}
          rows={() =>
            sorted.map((e) => [
              nameOf(e.patientId),
              e.patientId,
              e.age,
              e.lastBloodPressure === undefined || e.lastBloodPressure === null ? '' : bp(e),
              e.lastBloodPressure?.day,
              e.lastGlycemic?.percent,
              e.lastGlycemic?.day,
              e.reason === 'no-reading' ? 'no result this year' : 'above goal',
            ])
          }
          what={`outreach list, ${label}`}
        />
      </div>
      <p className="hint">
        {words.short}: patients in the measure who are not meeting it ({words.direction.toLowerCase()}), with their most
        recent results this year. The list holds patient information: share it only as your organisation allows.
      </p>
      <div className="controls">
        <MeasureSelect
          value={view.measure}
          onChange={(measure) => {
            update((v) => ({ ...v, measure }));
          }}
        />
        <DimensionSelect
          label="Group by"
          value={single ?? view.dimension}
          onChange={(dimension) => {
            update((v) => ({
              ...v,
              group: { dimensions: [dimension], keys: [keysOf(data, dimension)[0] ?? 'absent'] },
            }));
          }}
        />
        {single !== undefined && (
          <span className="field">
            <label htmlFor={`${id}-key`}>{dimensionInfo(single).label}</label>
            <select
              id={`${id}-key`}
              data-testid="outreach-key"
              value={group.keys[0]}
              onChange={(e) => {
                const key = e.target.value;
                update((v) => ({ ...v, group: { dimensions: [single], keys: [key] } }));
              }}
            >
              {keysOf(data, single).map((key) => (
                <option key={key} value={key}>
                  {groupLabel(single, key, data.practitioners)}
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
      <p role="status" data-testid="outreach-count">
        {count(entries.length)} patient{entries.length === 1 ? '' : 's'} in the group “{label}”{' '}
        {entries.length === 1 ? 'is' : 'are'} not meeting the measure.
      </p>
      {entries.length > 0 && (
        <div className="table-scroll">
          <table data-testid="outreach-table">
            <caption>
              Patients to reach: {label}, {words.short}
            </caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={`${c.key}-${c.label}`}
                    scope="col"
                    aria-sort={sort.key === c.key ? sort.direction : undefined}
                  >
                    <button
                      type="button"
                      className="sort"
                      data-testid={`sort-${c.key}`}
                      onClick={() => {
                        setSort((s) => ({
                          key: c.key,
                          direction: s.key === c.key && s.direction === 'ascending' ? 'descending' : 'ascending',
                        }));
                      }}
                    >
                      {c.label}
                      <span aria-hidden="true">
                        {sort.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </button>
                  </th>
                ))}
                <th scope="col">Why listed</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((e) => (
                <tr key={e.patientId} data-patient-id={e.patientId}>
                  <th scope="row">{nameOf(e.patientId)}</th>
                  <td>{e.age ?? '–'}</td>
                  <td>{bp(e)}</td>
                  <td>{e.lastBloodPressure?.day ?? '–'}</td>
                  <td>{a1c(e)}</td>
                  <td>{e.lastGlycemic?.day ?? '–'}</td>
                  <td>{e.reason === 'no-reading' ? 'No result this year' : 'Above goal'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Without a chosen group: the known group furthest behind in the disparity panel's dimension, else the largest. */
function defaultGroup(data: PopulationData, measure: PanelMeasureId, dimension: DimensionId): GroupRef {
  const report = stratifyRows(rowsOf(data, measure), {
    stratifiers: [[dimension]],
    filters: {},
    improvementNotation: MEASURE_WORDS[measure].improvement,
  });
  let worst: { key: string; gap: number } | undefined;
  for (const s of report.stratifiers[0]?.strata ?? []) {
    const key = s.components[0]?.key;
    if (s.suppressed || key === undefined || UNINFORMATIVE_KEYS.has(key) || s.comparison === undefined) continue;
    if (worst === undefined || s.comparison.gap > worst.gap) worst = { key, gap: s.comparison.gap };
  }
  return { dimensions: [dimension], keys: [worst?.key ?? keysOf(data, dimension)[0] ?? 'absent'] };
}
