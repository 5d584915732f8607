import type { DomainWarning, Mapped } from './domain-warning';
import { fhirDay } from './fhir-day';
import { codings, isObject, obj, resourceRef, str, type JsonObject } from './guards';
import { SOPT_SYSTEMS } from './systems';

/** Payer stratum key. `absent`: no Coverage active on the date (which may mean no data, not no insurance). */
export type PayerKey = 'medicare' | 'medicaid' | 'private' | 'uninsured' | 'other' | 'UNK' | 'absent';

/**
 * Source of Payment Typology roll-up by the first digit of the code (the typology is hierarchical: `121` is under
 * `1` Medicare). 1 Medicare, 2 Medicaid, 3 other government, 4 corrections, 5 private, 6 Blue Cross/Blue Shield,
 * 7 managed care unspecified, 8 no payment (81 self-pay), 9 miscellaneous (`9999` unavailable → `UNK`).
 */
const SOPT_FIRST_DIGIT: Readonly<Record<string, PayerKey>> = {
  '1': 'medicare',
  '2': 'medicaid',
  '3': 'other',
  '4': 'other',
  '5': 'private',
  '6': 'private',
  '7': 'private',
  '8': 'uninsured',
  '9': 'other',
};

/** Fallbacks on `Coverage.type` codes from HL7 v3 ActCode and the self-pay code system. */
const TYPE_CODES: Readonly<Record<string, PayerKey>> = { pay: 'uninsured', SUBSIDIZ: 'medicaid', WCBPOL: 'other' };

/** Fallbacks on `Coverage.type` text and coding displays, tried in order. */
const TYPE_TEXT: readonly (readonly [RegExp, PayerKey])[] = [
  [/medicare/i, 'medicare'],
  [/medicaid|medi-cal|\bchip\b/i, 'medicaid'],
  [/self[- ]?pay|uninsured|no insurance|no payment/i, 'uninsured'],
  [/commercial|private|employer|blue cross|bcbs|\bhmo\b|\bppo\b/i, 'private'],
];

/** The payer category of one Coverage from its `type` (SOPT first, then other codes, then text). */
export function payerCategoryOf(coverage: JsonObject): PayerKey {
  const type = obj(coverage, 'type');
  const codes = codings(type);
  const sopt = codes.find((c) => c.system !== undefined && SOPT_SYSTEMS.includes(c.system))?.code.trim();
  if (sopt !== undefined)
    return /^9+$/.test(sopt) && sopt.length > 1 ? 'UNK' : (SOPT_FIRST_DIGIT[sopt[0] ?? ''] ?? 'other');
  for (const c of codes) {
    const key = TYPE_CODES[c.code];
    if (key !== undefined) return key;
  }
  const text = [str(type ?? {}, 'text'), ...(type === undefined ? [] : displays(type))].join(' ');
  return TYPE_TEXT.find(([pattern]) => pattern.test(text))?.[1] ?? 'other';
}

function displays(type: JsonObject): string[] {
  const coding = type['coding'];
  if (!Array.isArray(coding)) return [];
  return coding.flatMap((c) => (isObject(c) && typeof c['display'] === 'string' ? [c['display']] : []));
}

const INACTIVE: ReadonlySet<string> = new Set(['cancelled', 'draft', 'entered-in-error']);

/**
 * The payer key on `date` (`YYYY-MM-DD`): among the patient's Coverage resources that are not cancelled, draft or
 * entered in error and whose period holds the date (open ends allowed), the primary one (lowest `order`; no order
 * sorts last; ties keep input order). Other resource types in `resources` are ignored.
 */
export function payerOf(resources: readonly unknown[], date: string): Mapped<PayerKey> {
  const warnings: DomainWarning[] = [];
  let best: { coverage: JsonObject; order: number } | undefined;
  for (const r of resources) {
    if (!isObject(r) || r['resourceType'] !== 'Coverage') continue;
    if (INACTIVE.has(str(r, 'status') ?? '')) continue;
    const period = obj(r, 'period');
    const startRaw = period === undefined ? undefined : str(period, 'start');
    const endRaw = period === undefined ? undefined : str(period, 'end');
    const start = startRaw === undefined ? undefined : fhirDay(startRaw, 'start');
    const end = endRaw === undefined ? undefined : fhirDay(endRaw, 'end');
    if ((startRaw !== undefined && start === undefined) || (endRaw !== undefined && end === undefined)) {
      warnings.push({ code: 'unparseable-date', ...resourceRef(r), message: 'Coverage period is not a FHIR date.' });
      continue;
    }
    if ((start !== undefined && start > date) || (end !== undefined && end < date)) continue;
    const order = typeof r['order'] === 'number' ? r['order'] : Number.POSITIVE_INFINITY;
    if (best === undefined || order < best.order) best = { coverage: r, order };
  }
  return { value: best === undefined ? 'absent' : payerCategoryOf(best.coverage), warnings };
}
