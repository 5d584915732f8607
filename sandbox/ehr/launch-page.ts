import { escapeHtml, htmlPage } from './html';
import type { PatientPage } from './patient-directory';
import type { PatientRow } from './patient-row';

/** Where the synthetic population came from, shown so nobody mistakes it for real data. */
export interface PopulationInfo {
  readonly seed: number;
  readonly patients: number;
  /** The date the data runs back from (YYYY-MM-DD); ages are as of this date. */
  readonly anchor: string;
  /** How many FHIR resources were seeded. */
  readonly resources: number;
  /** Patients the generator built to show something (a designed gap, a messy record), with why. */
  readonly featured: readonly { readonly patientId: string; readonly reason: string }[];
}

export interface LaunchPageModel {
  readonly page: PatientPage;
  /** Display names of the practitioners referenced on this page, by reference. */
  readonly practitionerNames: ReadonlyMap<string, string>;
  readonly query: string;
  readonly offset: number;
  readonly count: number;
  readonly population: PopulationInfo;
  readonly fhirBaseUrl: string;
  readonly appUrl: string;
  readonly qualityLeadName: string;
  /** The population's featured patients that still exist, with why they are worth a look. */
  readonly featured: readonly { readonly row: PatientRow; readonly reason: string }[];
}

const launchHref = (params: Record<string, string>): string =>
  escapeHtml(`/ehr/launch?${new URLSearchParams(params).toString()}`);

function rows(model: LaunchPageModel): string {
  return model.page.patients
    .map((p) => {
      const practitioner = p.practitioner
        ? (model.practitionerNames.get(p.practitioner.reference) ?? p.practitioner.display ?? p.practitioner.reference)
        : '—';
      return `<tr>
  <th scope="row">${escapeHtml(p.name)}</th><td>${p.age ?? '—'}</td><td>${escapeHtml(p.sex)}</td>
  <td>${escapeHtml(p.race)}</td><td>${escapeHtml(p.ethnicity)}</td><td>${escapeHtml(p.language)}</td>
  <td>${escapeHtml(practitioner)}</td>
  <td><a class="button" href="${launchHref({ profile: 'clinician', patient: p.id })}" aria-label="Launch as clinician with ${escapeHtml(p.name)}">Launch as clinician</a></td>
</tr>`;
    })
    .join('\n');
}

function featured(model: LaunchPageModel): string {
  if (model.featured.length === 0) return '';
  const items = model.featured
    .map(
      ({ row, reason }) =>
        `<li><a href="${launchHref({ profile: 'clinician', patient: row.id })}">${escapeHtml(row.name)}</a>: ${escapeHtml(reason)}</li>`,
    )
    .join('\n');
  return `<h2 id="featured">Start here</h2>
  <p class="note">Patients built to show something; each link launches the app as their clinician.</p>
  <ul>
${items}
  </ul>`;
}

function pager(model: LaunchPageModel): string {
  const { query, offset, count, page } = model;
  const link = (to: number, label: string, rel: string): string =>
    `<a rel="${rel}" href="/?${escapeHtml(new URLSearchParams({ q: query, offset: String(to) }).toString())}">${label}</a>`;
  const from = page.total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + count, page.total);
  return `<nav class="pager" aria-label="Patient list pages">
  ${offset > 0 ? link(Math.max(0, offset - count), 'Previous page', 'prev') : ''}
  <span aria-live="polite">Patients ${from}–${to} of ${page.total}</span>
  ${offset + count < page.total ? link(offset + count, 'Next page', 'next') : ''}
</nav>`;
}

// Searches as you type (after a pause) by submitting the same GET form the page works with without script.
const SEARCH_SCRIPT = `
  const form = document.getElementById('patient-search');
  const input = document.getElementById('q');
  let timer;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => form.requestSubmit(), 400); });
  if (input.value !== '') { input.focus(); input.setSelectionRange(input.value.length, input.value.length); }
`;

/** The sandbox EHR's home page: the synthetic patient list and the three ways into the app. */
export function renderLaunchPage(model: LaunchPageModel): string {
  const { population } = model;
  const table =
    model.page.patients.length === 0
      ? '<p>No patient matches that name.</p>'
      : `<table>
<caption>Synthetic patients${model.query === '' ? '' : ` whose name contains “${escapeHtml(model.query)}”`}; ages as of ${escapeHtml(population.anchor)}</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Age</th><th scope="col">Sex</th><th scope="col">Race</th><th scope="col">Ethnicity</th><th scope="col">Preferred language</th><th scope="col">Practitioner</th><th scope="col"><span class="visually-hidden">Launch</span></th></tr></thead>
<tbody>
${rows(model)}
</tbody>
</table>`;
  const body = `<header>
  <h1>Equity Lens sandbox EHR</h1>
  <p class="note"><strong>All data here is synthetic</strong>: ${population.patients} generated patients,
    ${population.resources} FHIR resources (seed ${population.seed}, data up to ${escapeHtml(population.anchor)}).
    No real person is described.</p>
  <p class="note">FHIR R4 base: <code>${escapeHtml(model.fhirBaseUrl)}</code> · App: <code>${escapeHtml(model.appUrl)}</code></p>
</header>
<main>
  <h2>Three ways into the app</h2>
  <div class="ways">
    <section class="way" aria-labelledby="way-clinician"><h3 id="way-clinician">Clinician</h3>
      <p>EHR launch with a patient in context: choose <em>Launch as clinician</em> on a patient below.</p></section>
    <section class="way" aria-labelledby="way-ql"><h3 id="way-ql">Quality lead</h3>
      <p>EHR launch without a patient, as ${escapeHtml(model.qualityLeadName)}, for population panels.</p>
      <a class="button" href="${launchHref({ profile: 'quality-lead' })}">Launch as quality lead</a></section>
    <section class="way" aria-labelledby="way-patient"><h3 id="way-patient">Patient</h3>
      <p>Standalone launch: the app starts on its own and you sign in as a patient.</p>
      <a class="button" href="${launchHref({ profile: 'patient' })}">Launch as patient</a></section>
  </div>
  ${featured(model)}
  <h2 id="patients">Patients</h2>
  <form id="patient-search" class="search" method="get" action="/" role="search">
    <div><label for="q">Search by name</label><input type="search" id="q" name="q" value="${escapeHtml(model.query)}" autocomplete="off"></div>
    <button type="submit" class="secondary">Search</button>
  </form>
  ${table}
  ${pager(model)}
</main>`;
  return htmlPage('Equity Lens sandbox EHR', body, SEARCH_SCRIPT);
}
