import type { Reference } from 'fhir/r4';
import type { Charter, CharterRevision, CharterSnapshot } from '../measures/charter-model';
import { reviseCharter } from '../measures/charter-model';
import { goalSentences } from '../measures/goal-sentence';
import type { PdsaCycle } from '../measures/pdsa-cycle';
import { AppError } from './app-error';
import { CHARTER_CODE_SYSTEM, CHARTER_CODES, CHARTER_IDENTIFIER_SYSTEM, charterMeasureUrl } from './charter-codes';
import { charterGoals } from './charter-goals';
import { charterMeasure } from './charter-measure';
import { measureReportToSnapshot, snapshotToMeasureReport } from './charter-measure-report';
import type { SnapshotReportContext, SnapshotRole } from './charter-measure-report';
import { charterToPlanDefinition, planDefinitionToCharter } from './charter-plan-definition';
import type { CharterRefs } from './charter-plan-definition';
import { cycleToTask, taskToCycle } from './charter-task';
import type { CycleRefs } from './charter-task';
import type { FhirGateway } from './fhir-gateway';
import type { LooseResource } from './schemas';

/** A server resource's id and the version the app last saw (for If-Match). */
export interface Versioned {
  readonly id: string;
  readonly versionId: string;
}

/** A PDSA cycle as stored: its Task, its fields and snapshots, and the references it holds. */
export interface StoredCycle extends Versioned {
  readonly uuid: string;
  readonly cycle: PdsaCycle;
  readonly refs: CycleRefs;
}

/** A charter as stored: its PlanDefinition, Goals and baseline, and its cycles. */
export interface StoredCharter extends Versioned {
  readonly uuid: string;
  readonly charter: Charter;
  readonly refs: CharterRefs;
  readonly goals: { readonly improvement: Versioned; readonly gap: Versioned };
  readonly cycles: readonly StoredCycle[];
}

/** One line of the charter list. */
export interface CharterSummary {
  readonly id: string;
  readonly title: string;
  readonly charter: Omit<Charter, 'baseline'>;
}

/** Who is writing: their `fhirUser`, used as the Goals' `expressedBy` and the reports' `reporter`. */
export interface Author {
  readonly fhirUser: string | undefined;
}

interface Options {
  readonly signal?: AbortSignal;
}

const MAX_PAGES = 20;

/** The `fhirUser` as a reference a Goal and a MeasureReport both accept (a Practitioner or PractitionerRole). */
function practitionerRef(author: Author): Reference | undefined {
  const u = author.fhirUser;
  return u !== undefined && /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/.test(u)
    ? { reference: u }
    : undefined;
}

/** A typed resource the app built, as the gateway's loose shape (the app's own data, not outside data). */
function loose(resource: { readonly resourceType: string; readonly id?: string }): LooseResource {
  return { ...resource };
}

function refTo(resource: LooseResource, what: string): string {
  if (resource.id === undefined) throw invalid(what, 'the server did not return the id of what it stored');
  return `${resource.resourceType}/${resource.id}`;
}

function versioned(resource: LooseResource, what: string): Versioned {
  const id = resource.id;
  const versionId = resource.meta?.versionId;
  if (id === undefined || versionId === undefined)
    throw invalid(what, 'the server did not return the version of what it stored, so it could not be updated safely');
  return { id, versionId };
}

function invalid(what: string, why: string): AppError {
  return new AppError({
    kind: 'invalid-response',
    title: 'The charter could not be read',
    detail: `While ${what}, ${why}.`,
    action: 'Try again; if it keeps happening, tell your EHR support team.',
  });
}

/**
 * Creates a resource at most once: a conditional create on its business identifier (`If-None-Exist`). The
 * identifiers are made once per draft, so a retry after a failure half-way through a charter finds what was already
 * written instead of writing it twice.
 */
async function createOnce(
  gateway: FhirGateway,
  resource: { readonly resourceType: string },
  identifier: string,
  what: string,
  options: Options,
): Promise<LooseResource> {
  const ifNoneExist = `identifier=${encodeURIComponent(`${CHARTER_IDENTIFIER_SYSTEM}|${identifier}`)}`;
  const result = await gateway.create(resource, { what, ifNoneExist, ...options });
  return {
    ...result.resource,
    meta: { ...result.resource.meta, ...(result.versionId === undefined ? {} : { versionId: result.versionId }) },
  };
}

/** Makes sure the app's Measure for the charter is on the server; a refusal does not stop the charter. */
async function ensureMeasure(gateway: FhirGateway, charter: Charter, options: Options): Promise<void> {
  const measure = charterMeasure(charter.spec.measure);
  try {
    await gateway.create(measure, {
      what: 'storing the charter’s measure definition',
      ifNoneExist: `url=${encodeURIComponent(charterMeasureUrl(charter.spec.measure))}`,
      ...options,
    });
  } catch (caught) {
    // Snapshots cite the canonical URL whether or not the server holds the Measure; only cancellation stops here.
    if (caught instanceof AppError && caught.kind === 'cancelled') throw caught;
  }
}

/** What a snapshot MeasureReport needs besides the counts. */
function reportContext(
  stored: Pick<StoredCharter, 'charter' | 'refs'>,
  role: SnapshotRole,
  identifier: string,
  author: Author,
  date: string = new Date().toISOString(),
): SnapshotReportContext {
  const reporter = practitionerRef(author);
  return {
    measure: stored.charter.spec.measure,
    role,
    identifier,
    date,
    focusLabel: stored.charter.spec.focus.label,
    referenceLabel: stored.charter.spec.reference.label,
    goals: [stored.refs.improvementGoal, stored.refs.gapGoal],
    ...(reporter === undefined ? {} : { reporter }),
  };
}

/**
 * Writes a new charter: the app's Measure (if allowed), the two Goals, the frozen baseline MeasureReport, then the
 * PlanDefinition that ties them together (last, so that a charter never points at parts that are not there). Each
 * write is a conditional create on an identifier derived from `uuid`: calling this again with the same uuid after a
 * failure completes the charter without duplicates.
 */
export async function createCharter(
  gateway: FhirGateway,
  uuid: string,
  charter: Charter,
  author: Author,
  options: Options = {},
): Promise<StoredCharter> {
  const what = 'saving the charter';
  const sentences = goalSentences(charter);
  await ensureMeasure(gateway, charter, options);
  const expressedBy = practitionerRef(author);
  const goals = charterGoals(uuid, charter, sentences, expressedBy);
  const improvement = await createOnce(gateway, goals.improvement, `${uuid}.improvement`, what, options);
  const gap = await createOnce(gateway, goals.gap, `${uuid}.gap`, what, options);
  const partial = {
    charter,
    refs: { improvementGoal: refTo(improvement, what), gapGoal: refTo(gap, what), baseline: '' },
  };
  const report = snapshotToMeasureReport(
    charter.baseline.snapshot,
    reportContext(partial, 'baseline', `${uuid}.baseline`, author, charter.baseline.frozenAt),
  );
  const baseline = await createOnce(gateway, report, `${uuid}.baseline`, what, options);
  const refs: CharterRefs = { ...partial.refs, baseline: refTo(baseline, what) };
  const plan = charterToPlanDefinition(uuid, charter, charter.baseline.frozenAt, refs, sentences);
  const stored = await createOnce(gateway, plan, uuid, what, options);
  return {
    ...versioned(stored, what),
    uuid,
    charter,
    refs,
    goals: { improvement: versioned(improvement, what), gap: versioned(gap, what) },
    cycles: [],
  };
}

/** Every charter on the server, newest first; resources that are not well-formed charters are left out. */
export async function listCharters(gateway: FhirGateway, options: Options = {}): Promise<CharterSummary[]> {
  const type = encodeURIComponent(`${CHARTER_CODE_SYSTEM}|${CHARTER_CODES.charter}`);
  const found = await gateway.searchAll(`PlanDefinition?type=${type}&_sort=-date&_count=100`, {
    what: 'listing the improvement charters',
    maxPages: MAX_PAGES,
    ...options,
  });
  return found.flatMap((resource) => {
    const head = planDefinitionToCharter(resource);
    return head === undefined || resource.id === undefined
      ? []
      : [{ id: resource.id, title: head.charter.title, charter: head.charter }];
  });
}

/** `MeasureReport/12` → `12`; anything else (a urn, another type) → undefined. */
function idOf(reference: string | undefined, type: string): string | undefined {
  const match = reference === undefined ? null : new RegExp(`^${type}/([A-Za-z0-9\\-.]{1,64})$`).exec(reference);
  return match?.[1];
}

/** Reads several resources of one type by id in one search (`_id=a,b,c`), keyed by `Type/id`. */
async function readMany(
  gateway: FhirGateway,
  type: string,
  references: readonly string[],
  what: string,
  options: Options,
): Promise<Map<string, LooseResource>> {
  const ids = [...new Set(references.map((r) => idOf(r, type)).filter((id) => id !== undefined))];
  const out = new Map<string, LooseResource>();
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50).join(',');
    const found = await gateway.searchAll(`${type}?_id=${chunk}&_count=100`, { what, maxPages: MAX_PAGES, ...options });
    for (const r of found) if (r.id !== undefined) out.set(`${type}/${r.id}`, r);
  }
  return out;
}

/**
 * Reads a charter and everything under it from the server: the PlanDefinition, its Goals (for their versions), the
 * baseline and every cycle's snapshots (one search each), and its cycles (`Task?based-on=`), in timeline order.
 */
export async function loadCharter(gateway: FhirGateway, id: string, options: Options = {}): Promise<StoredCharter> {
  const what = 'reading the charter';
  const plan = await gateway.read(`PlanDefinition/${encodeURIComponent(id)}`, { what, ...options });
  const head = planDefinitionToCharter(plan);
  if (head === undefined) throw invalid(what, 'the server holds it in a form Equity Lens cannot read');
  const tasks = await gateway.searchAll(`Task?based-on=${encodeURIComponent(`PlanDefinition/${id}`)}&_count=100`, {
    what: 'reading the charter’s PDSA cycles',
    maxPages: MAX_PAGES,
    ...options,
  });
  const cycles = tasks.flatMap((t) => {
    const c = taskToCycle(t);
    return c === undefined || t.id === undefined || t.meta?.versionId === undefined
      ? []
      : [{ task: t, head: c, id: t.id, versionId: t.meta.versionId }];
  });
  const reportRefs = [
    head.refs.baseline,
    ...cycles.flatMap((c) => [c.head.refs.startSnapshot ?? '', c.head.refs.endSnapshot ?? '']),
  ];
  const reports = await readMany(
    gateway,
    'MeasureReport',
    reportRefs,
    'reading the charter’s measure snapshots',
    options,
  );
  const goals = await readMany(
    gateway,
    'Goal',
    [head.refs.improvementGoal, head.refs.gapGoal],
    'reading the charter’s goals',
    options,
  );
  const snapshot = (ref: string | undefined): CharterSnapshot | undefined =>
    ref === undefined ? undefined : measureReportToSnapshot(reports.get(ref));
  const baseline = snapshot(head.refs.baseline);
  if (baseline === undefined) throw invalid(what, 'its baseline measure report is missing or unreadable');
  const goal = (ref: string): Versioned => {
    const g = goals.get(ref);
    if (g === undefined) throw invalid(what, 'one of its goals is missing');
    return versioned(g, what);
  };
  const storedCycles = cycles
    .map((c): StoredCycle => {
      const start = snapshot(c.head.refs.startSnapshot);
      const end = snapshot(c.head.refs.endSnapshot);
      return {
        id: c.id,
        versionId: c.versionId,
        uuid: c.head.uuid,
        refs: c.head.refs,
        cycle: {
          ...c.head.cycle,
          ...(start === undefined ? {} : { startSnapshot: start }),
          ...(end === undefined ? {} : { endSnapshot: end }),
        },
      };
    })
    .sort((a, b) => (a.cycle.start === b.cycle.start ? 0 : a.cycle.start < b.cycle.start ? -1 : 1));
  return {
    ...versioned(plan, what),
    uuid: head.uuid,
    charter: { ...head.charter, baseline: { snapshot: baseline, frozenAt: head.frozenAt } },
    refs: head.refs,
    goals: { improvement: goal(head.refs.improvementGoal), gap: goal(head.refs.gapGoal) },
    cycles: storedCycles,
  };
}

/**
 * Saves a revision of the charter (title, sponsor, team, status) with If-Match on the version the user saw: a 412
 * becomes a `conflict` AppError, and the caller re-reads and shows what changed. A status change also updates the
 * Goals' lifecycle. The baseline and the goals themselves never change (see `reviseCharter`).
 */
export async function saveCharterRevision(
  gateway: FhirGateway,
  stored: StoredCharter,
  revision: CharterRevision,
  author: Author,
  options: Options = {},
): Promise<StoredCharter> {
  const what = 'saving the charter';
  const charter = reviseCharter(stored.charter, revision);
  const sentences = goalSentences(charter);
  const plan = charterToPlanDefinition(stored.uuid, charter, charter.baseline.frozenAt, stored.refs, sentences);
  const saved = await gateway.update(loose({ ...plan, id: stored.id }), stored.versionId, { what, ...options });
  let goals = stored.goals;
  if (charter.status !== stored.charter.status) {
    const built = charterGoals(stored.uuid, charter, sentences, practitionerRef(author));
    const improvement = await gateway.update(
      loose({ ...built.improvement, id: goals.improvement.id }),
      goals.improvement.versionId,
      { what, ...options },
    );
    const gap = await gateway.update(loose({ ...built.gap, id: goals.gap.id }), goals.gap.versionId, {
      what,
      ...options,
    });
    goals = {
      improvement: { id: goals.improvement.id, versionId: improvement.versionId ?? goals.improvement.versionId },
      gap: { id: goals.gap.id, versionId: gap.versionId ?? goals.gap.versionId },
    };
  }
  return { ...stored, charter, goals, versionId: saved.versionId ?? stored.versionId };
}

/** Stores a snapshot MeasureReport (conditional create) and returns its reference. */
async function storeSnapshot(
  gateway: FhirGateway,
  stored: StoredCharter,
  snapshot: CharterSnapshot,
  role: SnapshotRole,
  identifier: string,
  author: Author,
  options: Options,
): Promise<string> {
  const what = 'saving the measure snapshot';
  const report = snapshotToMeasureReport(snapshot, reportContext(stored, role, identifier, author));
  return refTo(await createOnce(gateway, report, identifier, what, options), what);
}

/** Adds a PDSA cycle (and its start snapshot, if taken) to a charter; `uuid` is the draft's, for safe retries. */
export async function addCycle(
  gateway: FhirGateway,
  stored: StoredCharter,
  uuid: string,
  cycle: PdsaCycle,
  author: Author,
  options: Options = {},
): Promise<StoredCycle> {
  const what = 'saving the PDSA cycle';
  const refs: CycleRefs = {
    charter: `PlanDefinition/${stored.id}`,
    ...(cycle.startSnapshot === undefined
      ? {}
      : {
          startSnapshot: await storeSnapshot(
            gateway,
            stored,
            cycle.startSnapshot,
            'cycle-start',
            `${uuid}.start`,
            author,
            options,
          ),
        }),
    ...(cycle.endSnapshot === undefined
      ? {}
      : {
          endSnapshot: await storeSnapshot(
            gateway,
            stored,
            cycle.endSnapshot,
            'cycle-end',
            `${uuid}.end`,
            author,
            options,
          ),
        }),
  };
  const task = await createOnce(gateway, cycleToTask(uuid, cycle, refs), uuid, what, options);
  return { ...versioned(task, what), uuid, cycle, refs };
}

/**
 * Saves changes to a cycle with If-Match on the version the user saw. A snapshot the cycle did not have yet is
 * stored first; a snapshot already stored is never replaced (it records the measure at that moment).
 */
export async function saveCycle(
  gateway: FhirGateway,
  stored: StoredCharter,
  current: StoredCycle,
  cycle: PdsaCycle,
  author: Author,
  options: Options = {},
): Promise<StoredCycle> {
  const what = 'saving the PDSA cycle';
  const startSnapshot =
    current.refs.startSnapshot ??
    (cycle.startSnapshot === undefined
      ? undefined
      : await storeSnapshot(
          gateway,
          stored,
          cycle.startSnapshot,
          'cycle-start',
          `${current.uuid}.start`,
          author,
          options,
        ));
  const endSnapshot =
    current.refs.endSnapshot ??
    (cycle.endSnapshot === undefined
      ? undefined
      : await storeSnapshot(gateway, stored, cycle.endSnapshot, 'cycle-end', `${current.uuid}.end`, author, options));
  const refs: CycleRefs = {
    charter: current.refs.charter,
    ...(startSnapshot === undefined ? {} : { startSnapshot }),
    ...(endSnapshot === undefined ? {} : { endSnapshot }),
  };
  const kept: PdsaCycle = {
    ...cycle,
    ...(current.cycle.startSnapshot === undefined ? {} : { startSnapshot: current.cycle.startSnapshot }),
    ...(current.cycle.endSnapshot === undefined ? {} : { endSnapshot: current.cycle.endSnapshot }),
  };
  const task = loose({ ...cycleToTask(current.uuid, kept, refs), id: current.id });
  const saved = await gateway.update(task, current.versionId, { what, ...options });
  return { ...current, cycle: kept, refs, versionId: saved.versionId ?? current.versionId };
}
