import type { DomainWarning, Mapped } from './domain-warning';
import { fhirDay } from './fhir-day';
import { codings, isObject, obj, objects, resourceRef, str, type JsonObject } from './guards';
import { LOINC_SYSTEM } from './systems';

/** Food insecurity stratum key from the Hunger Vital Sign. */
export type FoodInsecurityKey = 'at-risk' | 'no-risk' | 'not-screened';

/** Hunger Vital Sign LOINC codes (panel 88121-9). */
export const HUNGER_VITAL_SIGN = {
  panel: '88121-9',
  worriedFoodWouldRunOut: '88122-7',
  foodDidNotLast: '88123-5',
  riskItem: '88124-3',
  often: 'LA28397-0',
  sometimes: 'LA6729-3',
  never: 'LA28398-8',
  atRisk: 'LA19952-3',
  noRisk: 'LA19983-8',
} as const;

const H = HUNGER_VITAL_SIGN;
const CODES: ReadonlySet<string> = new Set([H.panel, H.worriedFoodWouldRunOut, H.foodDidNotLast, H.riskItem]);
const EXCLUDED_STATUS: ReadonlySet<string> = new Set(['entered-in-error', 'cancelled', 'preliminary']);

type Finding = 'risk' | 'never-q1' | 'never-q2' | 'no-risk';

/**
 * The patient's Hunger Vital Sign result as of `date` (`YYYY-MM-DD`): the most recent screening day on or before it
 * that gives an answer wins. A day is `at-risk` when either question is "Often" or "Sometimes true" or the risk item
 * says at risk; `no-risk` when both questions are "Never true" or the risk item says no risk; a day with only
 * "Don't know/refused" or one unanswered question decides nothing and an earlier day is used. Observations may be the
 * panel (items as components) or the items themselves; entered-in-error, cancelled and preliminary ones are ignored.
 */
export function foodInsecurityOf(resources: readonly unknown[], date: string): Mapped<FoodInsecurityKey> {
  const warnings: DomainWarning[] = [];
  const days = new Map<string, Set<Finding>>();
  for (const r of resources) {
    if (!isObject(r) || r['resourceType'] !== 'Observation') continue;
    const code = loincCodeIn(obj(r, 'code'));
    if (code === undefined || EXCLUDED_STATUS.has(str(r, 'status') ?? '')) continue;
    const raw = effectiveOf(r);
    const day = raw === undefined ? undefined : fhirDay(raw);
    if (day === undefined) {
      warnings.push({
        code: 'unparseable-date',
        ...resourceRef(r),
        message: 'Food-insecurity screening has no usable date.',
      });
      continue;
    }
    if (day > date) continue;
    const findings = days.get(day) ?? new Set<Finding>();
    addFinding(findings, code, obj(r, 'valueCodeableConcept'));
    for (const component of objects(r, 'component')) {
      const item = loincCodeIn(obj(component, 'code'));
      if (item !== undefined) addFinding(findings, item, obj(component, 'valueCodeableConcept'));
    }
    days.set(day, findings);
  }
  const ordered = [...days.entries()].sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
  for (const [, findings] of ordered) {
    if (findings.has('risk')) return { value: 'at-risk', warnings };
    if (findings.has('no-risk') || (findings.has('never-q1') && findings.has('never-q2')))
      return { value: 'no-risk', warnings };
  }
  return { value: 'not-screened', warnings };
}

function addFinding(findings: Set<Finding>, item: string, value: JsonObject | undefined): void {
  const answers = new Set(codings(value).map((c) => c.code));
  if (item === H.riskItem) {
    if (answers.has(H.atRisk)) findings.add('risk');
    else if (answers.has(H.noRisk)) findings.add('no-risk');
  } else if (item === H.worriedFoodWouldRunOut || item === H.foodDidNotLast) {
    if (answers.has(H.often) || answers.has(H.sometimes)) findings.add('risk');
    else if (answers.has(H.never)) findings.add(item === H.worriedFoodWouldRunOut ? 'never-q1' : 'never-q2');
  }
}

/** The first Hunger Vital Sign code among a concept's codings (LOINC or no system). A loop: every Observation of a
 * patient passes here, and most are not screenings. */
function loincCodeIn(concept: JsonObject | undefined): string | undefined {
  if (concept === undefined) return undefined;
  for (const c of objects(concept, 'coding')) {
    const code = c['code'];
    const system = c['system'];
    // A system that is not a string counts as none, as `codings` reads it elsewhere.
    if (typeof code === 'string' && CODES.has(code) && (typeof system !== 'string' || system === LOINC_SYSTEM))
      return code;
  }
  return undefined;
}

function effectiveOf(r: JsonObject): string | undefined {
  return (
    str(r, 'effectiveDateTime') ??
    str(r, 'effectiveInstant') ??
    str(obj(r, 'effectivePeriod') ?? {}, 'start') ??
    str(r, 'issued')
  );
}
