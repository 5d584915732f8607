import type { Bundle, BundleEntry, Resource } from 'fhir/r4';
import type { Charter } from '../measures/charter-model';
import { goalSentences } from '../measures/goal-sentence';
import type { PdsaCycle } from '../measures/pdsa-cycle';
import { CHARTER_IDENTIFIER_SYSTEM, charterMeasureUrl } from './charter-codes';
import { charterGoals } from './charter-goals';
import { charterMeasure } from './charter-measure';
import { measureReportToSnapshot, snapshotToMeasureReport } from './charter-measure-report';
import type { SnapshotRole } from './charter-measure-report';
import { charterToPlanDefinition, planDefinitionToCharter } from './charter-plan-definition';
import { cycleToTask, taskToCycle } from './charter-task';
import { bundleSchema } from './schemas';

/** A charter and its cycles as plain data, with the identifiers that make re-imports idempotent. */
export interface CharterExport {
  readonly uuid: string;
  readonly charter: Charter;
  readonly cycles: readonly { readonly uuid: string; readonly cycle: PdsaCycle }[];
}

type Entry = BundleEntry & { readonly fullUrl: string; readonly resource: Resource };

function entry(fullUrl: string, resource: Resource, ifNoneExist: string): Entry {
  return { fullUrl, resource, request: { method: 'POST', url: resource.resourceType, ifNoneExist } };
}

const byIdentifier = (value: string): string =>
  `identifier=${encodeURIComponent(`${CHARTER_IDENTIFIER_SYSTEM}|${value}`)}`;

/**
 * A charter as a FHIR `transaction` Bundle: the app's Measure, the two Goals, the baseline, the PlanDefinition, and
 * each cycle's Task and snapshots, linked by `urn:uuid` full URLs. Every entry is a conditional create on its
 * business identifier, so the file can be posted to any FHIR server as it is, or imported by the app, and a second
 * import finds the first instead of duplicating it. `newUuid` makes the full URLs (injected for tests).
 */
export function charterBundle(data: CharterExport, newUuid: () => string): Bundle {
  const { uuid, charter } = data;
  const urn = (): string => `urn:uuid:${newUuid()}`;
  const sentences = goalSentences(charter);
  const goals = charterGoals(uuid, charter, sentences);
  const goalUrls = { improvement: urn(), gap: urn() };
  const baselineUrl = urn();
  const planUrl = urn();
  const refs = { improvementGoal: goalUrls.improvement, gapGoal: goalUrls.gap, baseline: baselineUrl };
  const report = (snapshot: Charter['baseline']['snapshot'], role: SnapshotRole, identifier: string, date: string) =>
    snapshotToMeasureReport(snapshot, {
      measure: charter.spec.measure,
      role,
      identifier,
      date,
      focusLabel: charter.spec.focus.label,
      referenceLabel: charter.spec.reference.label,
      goals: [goalUrls.improvement, goalUrls.gap],
    });
  const entries: Entry[] = [
    entry(
      urn(),
      charterMeasure(charter.spec.measure),
      `url=${encodeURIComponent(charterMeasureUrl(charter.spec.measure))}`,
    ),
    entry(goalUrls.improvement, goals.improvement, byIdentifier(`${uuid}.improvement`)),
    entry(goalUrls.gap, goals.gap, byIdentifier(`${uuid}.gap`)),
    entry(
      baselineUrl,
      report(charter.baseline.snapshot, 'baseline', `${uuid}.baseline`, charter.baseline.frozenAt),
      byIdentifier(`${uuid}.baseline`),
    ),
    entry(
      planUrl,
      charterToPlanDefinition(uuid, charter, charter.baseline.frozenAt, refs, sentences),
      byIdentifier(uuid),
    ),
  ];
  for (const { uuid: cycleUuid, cycle } of data.cycles) {
    const start = cycle.startSnapshot === undefined ? undefined : urn();
    const end = cycle.endSnapshot === undefined ? undefined : urn();
    if (start !== undefined && cycle.startSnapshot !== undefined) {
      const r = report(cycle.startSnapshot, 'cycle-start', `${cycleUuid}.start`, `${cycle.start}T00:00:00Z`);
      entries.push(entry(start, r, byIdentifier(`${cycleUuid}.start`)));
    }
    if (end !== undefined && cycle.endSnapshot !== undefined) {
      const r = report(
        cycle.endSnapshot,
        'cycle-end',
        `${cycleUuid}.end`,
        `${cycle.end ?? cycle.plannedEnd}T00:00:00Z`,
      );
      entries.push(entry(end, r, byIdentifier(`${cycleUuid}.end`)));
    }
    const task = cycleToTask(cycleUuid, cycle, {
      charter: planUrl,
      ...(start === undefined ? {} : { startSnapshot: start }),
      ...(end === undefined ? {} : { endSnapshot: end }),
    });
    entries.push(entry(urn(), task, byIdentifier(cycleUuid)));
  }
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}

/** Why a file is not a charter the app can import, in words for the user. */
export class CharterImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CharterImportError';
  }
}

/**
 * Reads a charter Bundle (as exported, or any Bundle holding the same resources) back into plain data. Every
 * resource is validated as if read from a server; the baseline must be there, and a cycle whose snapshot is
 * referenced but missing keeps its fields without that snapshot.
 *
 * @throws CharterImportError when the file is not a Bundle holding exactly one readable Equity Lens charter.
 */
export function readCharterBundle(json: unknown): CharterExport {
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success) throw new CharterImportError('The file is not a FHIR Bundle.');
  const byUrl = new Map<string, unknown>();
  const resources: unknown[] = [];
  for (const e of parsed.data.entry ?? []) {
    if (e.resource === undefined) continue;
    resources.push(e.resource);
    if (e.fullUrl !== undefined) byUrl.set(e.fullUrl, e.resource);
  }
  const plans = resources.flatMap((r) => {
    const head = planDefinitionToCharter(r);
    return head === undefined ? [] : [head];
  });
  const [head, ...more] = plans;
  if (head === undefined) throw new CharterImportError('The Bundle holds no Equity Lens charter.');
  if (more.length > 0)
    throw new CharterImportError('The Bundle holds more than one charter: import them one at a time.');
  const baseline = measureReportToSnapshot(byUrl.get(head.refs.baseline));
  if (baseline === undefined) throw new CharterImportError('The charter’s baseline is missing from the Bundle.');
  const planUrl = [...byUrl.entries()].find(([, r]) => planDefinitionToCharter(r)?.uuid === head.uuid)?.[0];
  const cycles = resources.flatMap((r) => {
    const c = taskToCycle(r);
    if (c === undefined || c.refs.charter !== planUrl) return [];
    const start =
      c.refs.startSnapshot === undefined ? undefined : measureReportToSnapshot(byUrl.get(c.refs.startSnapshot));
    const end = c.refs.endSnapshot === undefined ? undefined : measureReportToSnapshot(byUrl.get(c.refs.endSnapshot));
    const cycle: PdsaCycle = {
      ...c.cycle,
      ...(start === undefined ? {} : { startSnapshot: start }),
      ...(end === undefined ? {} : { endSnapshot: end }),
    };
    return [{ uuid: c.uuid, cycle }];
  });
  return {
    uuid: head.uuid,
    charter: { ...head.charter, baseline: { snapshot: baseline, frozenAt: head.frozenAt } },
    cycles,
  };
}
