import { useMemo } from 'react';
import {
  dataQuality,
  REAL_FIELDS,
  type FieldQuality,
  type QualityGroup,
  type RealField,
} from '../../../measures/panel-data-quality';
import { CsvButton } from './CsvButton';
import { fileName } from './download';
import { count, groupLabel, pct } from './format';
import { patientRows, type PanelProps } from './panel-props';
import { ShareChart } from './ShareChart';
import { StackedShareChart } from './StackedShareChart';
import { panelFilters } from './view-state';

const FIELD_LABEL: Readonly<Record<RealField, string>> = {
  race: 'Race',
  ethnicity: 'Ethnicity',
  language: 'Preferred language',
};

const share = (n: number, of: number): string => (of === 0 ? '–' : `${pct(n / of)} (${count(n)})`);

/** Practitioner panels of 1–10 patients are not broken down (the CMS cell-size rule, as in the other panels). */
const small = (g: QualityGroup): boolean => g.patients > 0 && g.patients < 11;

/**
 * REAL data quality (the toolkit's STEP 3): the share of patients with race, ethnicity and language recorded, the
 * shares declined, unknown and not recorded, and the share the patients reported themselves; overall and by
 * practitioner.
 */
export function DataQualityPanel({ data, view }: PanelProps) {
  const quality = useMemo(
    () => dataQuality(patientRows(data), data.selfReports, panelFilters(view.filters)),
    [data, view.filters],
  );
  const { overall } = quality;
  const selfKnown = data.selfReports !== undefined;
  const rowsFor = (f: FieldQuality): (string | number | undefined)[] => [
    f.recorded,
    f.declined,
    f.unknown,
    f.absent,
    f.selfReported,
  ];
  return (
    <section className="card panel" aria-labelledby="quality-title" data-testid="panel-quality">
      <div className="panel-head">
        <h2 id="quality-title">REAL data quality: race, ethnicity and language</h2>
        <CsvButton
          filename={fileName(['real-data-quality', view.year], 'csv')}
          header={['group', 'patients', 'field', 'recorded', 'declined', 'unknown', 'not_recorded', 'self_reported']}
          rows={() =>
            [overall, ...quality.byPractitioner].flatMap((g) =>
              REAL_FIELDS.map((field) =>
                small(g)
                  ? [groupName(g, data.practitioners), 'fewer than 11', field, '', '', '', '', '']
                  : [groupName(g, data.practitioners), g.patients, field, ...rowsFor(g.fields[field])],
              ),
            )
          }
          what="REAL data quality"
        />
      </div>
      <p className="hint">
        Of {count(overall.patients)} patients. “Declined” means the patient was asked and chose not to answer; “unknown”
        that the record says it is not known; “not recorded” that nothing is on record.{' '}
        {selfKnown
          ? '“Self-reported” counts patients who gave the answer themselves (a signed self-report or their own form).'
          : 'Self-reports could not be read with this account, so their share is not shown.'}
      </p>
      <StackedShareChart
        segments={['Recorded', 'Declined', 'Unknown', 'Not recorded']}
        rows={REAL_FIELDS.map((field) => {
          const f = overall.fields[field];
          const of = Math.max(1, overall.patients);
          const shares = [f.recorded, f.declined, f.unknown, f.absent].map((n) => n / of);
          return {
            label: FIELD_LABEL[field],
            shares,
            text: `${pct(shares[0])} recorded, ${pct(shares[1])} declined, ${pct(shares[2])} unknown, ${pct(shares[3])} not recorded${f.selfReported === undefined ? '' : `; ${pct(f.selfReported / of)} self-reported`}.`,
          };
        })}
        summary={REAL_FIELDS.map(
          (field) =>
            `${FIELD_LABEL[field]} recorded for ${pct(overall.fields[field].recorded / Math.max(1, overall.patients))}`,
        ).join('; ')}
      />
      <div className="table-scroll">
        <table data-testid="quality-table">
          <caption>Whole practice: how each field is recorded</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Recorded</th>
              <th scope="col">Declined</th>
              <th scope="col">Unknown</th>
              <th scope="col">Not recorded</th>
              <th scope="col">Self-reported</th>
            </tr>
          </thead>
          <tbody>
            {REAL_FIELDS.map((field) => {
              const f = overall.fields[field];
              return (
                <tr key={field} data-testid={`quality-${field}`}>
                  <th scope="row">{FIELD_LABEL[field]}</th>
                  <td data-cell="recorded">{share(f.recorded, overall.patients)}</td>
                  <td data-cell="declined">{share(f.declined, overall.patients)}</td>
                  <td data-cell="unknown">{share(f.unknown, overall.patients)}</td>
                  <td data-cell="absent">{share(f.absent, overall.patients)}</td>
                  <td data-cell="self">
                    {f.selfReported === undefined ? 'not readable' : share(f.selfReported, overall.patients)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>By practitioner</h3>
      <ShareChart
        bars={quality.byPractitioner.map((g) => ({
          label: groupName(g, data.practitioners),
          share: small(g) ? undefined : g.complete / g.patients,
          text: small(g) ? 'suppressed (fewer than 11)' : `${pct(g.complete / g.patients)} have all three`,
        }))}
        references={[
          {
            label: `Practice ${pct(overall.complete / Math.max(1, overall.patients))}`,
            share: overall.complete / Math.max(1, overall.patients),
            dash: '6 4',
          },
        ]}
        summary="Share of each practitioner's patients with race, ethnicity and language all recorded."
      />
      <div className="table-scroll">
        <table data-testid="quality-practitioner-table">
          <caption>By practitioner: share of patients with each field recorded</caption>
          <thead>
            <tr>
              <th scope="col">Practitioner</th>
              <th scope="col">Patients</th>
              <th scope="col">Race recorded</th>
              <th scope="col">Ethnicity recorded</th>
              <th scope="col">Language recorded</th>
              <th scope="col">Any self-report</th>
            </tr>
          </thead>
          <tbody>
            {quality.byPractitioner.map((g) => (
              <tr key={g.key}>
                <th scope="row">{groupName(g, data.practitioners)}</th>
                {small(g) ? (
                  <td colSpan={5}>suppressed (fewer than 11)</td>
                ) : (
                  <>
                    <td>{count(g.patients)}</td>
                    {REAL_FIELDS.map((field) => (
                      <td key={field}>
                        <FieldCell field={g.fields[field]} of={g.patients} />
                      </td>
                    ))}
                    <td>{g.anySelfReport === undefined ? 'not readable' : share(g.anySelfReport, g.patients)}</td>
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

/** A field's recorded share, with the declined, unknown and not-recorded shares under it. */
function FieldCell({ field, of }: { readonly field: FieldQuality; readonly of: number }) {
  return (
    <>
      {share(field.recorded, of)}
      <br />
      <span className="muted small">
        declined {pct(field.declined / of)} · unknown {pct(field.unknown / of)} · none {pct(field.absent / of)}
      </span>
    </>
  );
}

function groupName(g: QualityGroup, practitioners: ReadonlyMap<string, string>): string {
  return g.key === 'all' ? 'Whole practice' : groupLabel('practitioner', g.key, practitioners);
}
