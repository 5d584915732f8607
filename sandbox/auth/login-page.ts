import { escapeHtml, htmlPage } from '../ehr/html';
import type { PatientPage } from '../ehr/patient-directory';

/** What the standalone sign-in page shows. */
export interface LoginPageModel {
  /** The interaction's form action, `/interaction/<uid>`. */
  readonly action: string;
  readonly clientId: string;
  readonly requestedScopes: readonly string[];
  readonly query: string;
  readonly offset: number;
  readonly count: number;
  readonly page: PatientPage;
  readonly qualityLeadName: string;
}

function pager(model: LoginPageModel): string {
  const { action, query, offset, count, page } = model;
  const link = (to: number, label: string): string =>
    `<a href="${escapeHtml(`${action}?${new URLSearchParams({ q: query, offset: String(to) }).toString()}`)}">${label}</a>`;
  const from = page.total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + count, page.total);
  return `<nav class="pager" aria-label="Patient pages">
  ${offset > 0 ? link(Math.max(0, offset - count), 'Previous page') : ''}
  <span>${from}–${to} of ${page.total}</span>
  ${offset + count < page.total ? link(offset + count, 'Next page') : ''}
</nav>`;
}

function patientRows(model: LoginPageModel): string {
  if (model.page.patients.length === 0) return '<p>No patient matches that name.</p>';
  const rows = model.page.patients
    .map(
      (p) => `<tr>
  <td>${escapeHtml(p.name)}</td><td>${p.age ?? ''}</td><td>${escapeHtml(p.sex)}</td>
  <td><form method="post" action="${escapeHtml(model.action)}">
    <input type="hidden" name="patient" value="${escapeHtml(p.id)}">
    <button type="submit" aria-label="Sign in as ${escapeHtml(p.name)}">Sign in as this patient</button>
  </form></td>
</tr>`,
    )
    .join('\n');
  return `<table>
<caption>Synthetic patients you can sign in as</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Age</th><th scope="col">Sex</th><th scope="col">Sign in</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

/** The standalone launch's sign-in page: pick a synthetic patient (searchable, paged), or deny the app access. */
export function renderLoginPage(model: LoginPageModel): string {
  const action = escapeHtml(model.action);
  const body = `<header>
  <h1>Sign in to the Equity Lens sandbox EHR</h1>
  <p class="note">The app <strong>${escapeHtml(model.clientId)}</strong> asks to sign you in. Every person here is synthetic.</p>
</header>
<main>
  <details><summary>Access the app asked for</summary><p><code>${escapeHtml(model.requestedScopes.join(' '))}</code></p></details>
  <h2 id="patients">Sign in as a patient</h2>
  <form class="search" method="get" action="${action}" role="search">
    <div><label for="q">Patient name</label><input type="search" id="q" name="q" value="${escapeHtml(model.query)}"></div>
    <button type="submit" class="secondary">Search</button>
  </form>
  ${patientRows(model)}
  ${pager(model)}
  <h2>Or</h2>
  <div class="ways">
    <form method="post" action="${action}" class="way">
      <input type="hidden" name="profile" value="quality-lead">
      <p>Sign in as the quality lead, ${escapeHtml(model.qualityLeadName)} (no patient in context).</p>
      <button type="submit" class="secondary">Sign in as quality lead</button>
    </form>
    <form method="post" action="${action}" class="way">
      <input type="hidden" name="deny" value="1">
      <p>Refuse: the app receives <code>error=access_denied</code>.</p>
      <button type="submit" class="danger">Deny</button>
    </form>
  </div>
</main>`;
  return htmlPage('Sign in – Equity Lens sandbox EHR', body);
}
