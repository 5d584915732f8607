import { matchesFilters, type PanelFilters, type PanelRow } from './panel-filters';

/** One group's payer mix: the practice (`key` `all`) or one practitioner's panel. */
export interface PayerMixGroup {
  readonly key: string;
  readonly patients: number;
  readonly medicaid: number;
  readonly uninsured: number;
  /** Patients with no Coverage on record for the date (payer unknown, not necessarily uninsured). */
  readonly noCoverage: number;
  /** Shares of `patients` (undefined for an empty group). */
  readonly medicaidShare: number | undefined;
  readonly uninsuredShare: number | undefined;
}

/** A regional benchmark the user enters, as shares (0.22 = 22 %). */
export interface PayerBenchmark {
  readonly medicaid?: number;
  readonly uninsured?: number;
}

/**
 * Share of patients on Medicaid and uninsured (SOPT 8x: no payment, self-pay), overall and by practitioner, for the
 * patients that pass the filters: the toolkit's "difference between the percent of Medicaid/uninsured patients
 * treated and the percent in the region" is each share minus the benchmark. Practitioners come largest panel first.
 */
export function payerMix(
  rows: readonly PanelRow[],
  filters: PanelFilters = {},
): { readonly overall: PayerMixGroup; readonly byPractitioner: readonly PayerMixGroup[] } {
  const tallies = new Map<string, { patients: number; medicaid: number; uninsured: number; none: number }>();
  const overall = { patients: 0, medicaid: 0, uninsured: 0, none: 0 };
  for (const row of rows) {
    if (!matchesFilters(row, filters)) continue;
    const practitioner = row.strata.practitioner;
    const key = typeof practitioner === 'string' ? practitioner : 'absent';
    let tally = tallies.get(key);
    if (tally === undefined) {
      tally = { patients: 0, medicaid: 0, uninsured: 0, none: 0 };
      tallies.set(key, tally);
    }
    const payer = row.strata.payer;
    for (const t of [overall, tally]) {
      t.patients += 1;
      if (payer === 'medicaid') t.medicaid += 1;
      if (payer === 'uninsured') t.uninsured += 1;
      if (payer === 'absent' || payer === undefined) t.none += 1;
    }
  }
  const finish = (key: string, t: { patients: number; medicaid: number; uninsured: number; none: number }) => ({
    key,
    patients: t.patients,
    medicaid: t.medicaid,
    uninsured: t.uninsured,
    noCoverage: t.none,
    medicaidShare: t.patients > 0 ? t.medicaid / t.patients : undefined,
    uninsuredShare: t.patients > 0 ? t.uninsured / t.patients : undefined,
  });
  const groups = [...tallies].map(([key, t]) => finish(key, t));
  groups.sort((a, b) =>
    a.key === 'absent' || b.key === 'absent'
      ? Number(a.key === 'absent') - Number(b.key === 'absent')
      : b.patients - a.patients || (a.key < b.key ? -1 : 1),
  );
  return { overall: finish('all', overall), byPractitioner: groups };
}
