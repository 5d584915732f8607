import type { Coding, Coverage } from 'fhir/r4';
import { PAYER_TYPE, SYSTEM, US_CORE } from './codes';
import { addYears, isoDate } from './dates';
import { ref } from './fhir-builders';
import { PAYER_ORGANIZATIONS } from './practitioners';
import type { Payer } from './practitioners';
import type { GenerationContext, PatientProfile } from './profile';
import { dayBetween } from './profile';
import type { Rng } from './prng';

function payerCoding(payer: Payer, rng: Rng): Coding {
  switch (payer) {
    case 'medicare':
      return PAYER_TYPE.medicare;
    case 'medicaid':
      return PAYER_TYPE.medicaid;
    case 'private':
      return PAYER_TYPE.private;
    case 'uninsured':
      return rng.chance(0.6) ? PAYER_TYPE.selfPay : PAYER_TYPE.noPayment;
  }
}

function payorId(payer: Payer, rng: Rng): string | undefined {
  switch (payer) {
    case 'medicare':
      return PAYER_ORGANIZATIONS.medicare.id;
    case 'medicaid':
      return PAYER_ORGANIZATIONS.medicaid.id;
    case 'private':
      return rng.chance(0.6) ? PAYER_ORGANIZATIONS.privateA.id : PAYER_ORGANIZATIONS.privateB.id;
    case 'uninsured':
      return undefined;
  }
}

function coverage(
  id: string,
  p: PatientProfile,
  payer: Payer,
  rng: Rng,
  period: { start: number; end?: number },
): Coverage {
  const org = payorId(payer, rng);
  const resource: Coverage = {
    resourceType: 'Coverage',
    id,
    meta: { profile: [US_CORE.coverage] },
    status: 'active',
    type: { coding: [payerCoding(payer, rng)] },
    beneficiary: ref('Patient', p.id),
    relationship: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }],
    },
    // Self-pay: the patient is the payor.
    payor: [org === undefined ? ref('Patient', p.id) : ref('Organization', org)],
    period:
      period.end === undefined
        ? { start: isoDate(period.start) }
        : { start: isoDate(period.start), end: isoDate(period.end) },
  };
  if (org !== undefined) {
    resource.identifier = [{ system: SYSTEM.memberId, value: `M${String(p.index).padStart(8, '0')}${id.slice(-1)}` }];
    resource.subscriberId = `M${String(p.index).padStart(8, '0')}`;
  }
  return resource;
}

/** The patient's current coverage and, for those who turned 65 during the data window, the plan before Medicare. */
export function buildCoverages(p: PatientProfile, rng: Rng, ctx: GenerationContext): Coverage[] {
  const base = `cov-${String(p.index).padStart(6, '0')}`;
  const sixtyFifth = addYears(p.birthDay, 65);
  const windowStart = addYears(ctx.anchor, -4);
  if (p.payer === 'medicare' && sixtyFifth > windowStart && sixtyFifth <= ctx.anchor) {
    const before: Payer = rng.chance(0.7) ? 'private' : 'medicaid';
    return [
      coverage(`${base}-1`, p, before, rng, { start: addYears(sixtyFifth, -rng.int(3, 15)), end: sixtyFifth - 1 }),
      coverage(`${base}-2`, p, 'medicare', rng, { start: sixtyFifth }),
    ];
  }
  const start =
    p.payer === 'medicare' && sixtyFifth <= ctx.anchor
      ? sixtyFifth
      : dayBetween(rng, Math.max(addYears(p.birthDay, 18), addYears(ctx.anchor, -12)), addYears(ctx.anchor, -1));
  return [coverage(`${base}-1`, p, p.payer, rng, { start })];
}
