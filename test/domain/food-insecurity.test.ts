import { describe, expect, it } from 'vitest';
import { foodInsecurityOf } from '../../src/domain/food-insecurity';

const answer = (code: string): object => ({ coding: [{ system: 'http://loinc.org', code }] });
const item = (loinc: string, la: string, date: string): object => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
  effectiveDateTime: date,
  valueCodeableConcept: answer(la),
});
const panel = (date: string, q1: string, q2: string): object => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '88121-9' }] },
  effectiveDateTime: date,
  component: [
    { code: { coding: [{ system: 'http://loinc.org', code: '88122-7' }] }, valueCodeableConcept: answer(q1) },
    { code: { coding: [{ system: 'http://loinc.org', code: '88123-5' }] }, valueCodeableConcept: answer(q2) },
  ],
});
const ON = '2026-12-31';

describe('foodInsecurityOf (Hunger Vital Sign)', () => {
  it('is at risk when either item is often or sometimes true', () => {
    expect(foodInsecurityOf([panel('2026-03-01', 'LA28398-8', 'LA6729-3')], ON).value).toBe('at-risk');
    expect(foodInsecurityOf([item('88122-7', 'LA28397-0', '2026-03-01')], ON).value).toBe('at-risk');
  });

  it('is no risk when both items are never true, or the risk item says so', () => {
    expect(foodInsecurityOf([panel('2026-03-01', 'LA28398-8', 'LA28398-8')], ON).value).toBe('no-risk');
    expect(foodInsecurityOf([item('88124-3', 'LA19983-8', '2026-03-01')], ON).value).toBe('no-risk');
    expect(foodInsecurityOf([item('88124-3', 'LA19952-3', '2026-03-01')], ON).value).toBe('at-risk');
  });

  it('lets the most recent screening win, ignoring screenings after the date', () => {
    const older = panel('2025-01-10', 'LA28397-0', 'LA28397-0');
    const newer = panel('2026-02-01T09:30:00-05:00', 'LA28398-8', 'LA28398-8');
    const future = panel('2027-01-05', 'LA28397-0', 'LA28397-0');
    expect(foodInsecurityOf([newer, older, future], ON).value).toBe('no-risk');
  });

  it('is not screened without a conclusive screening', () => {
    expect(foodInsecurityOf([], ON).value).toBe('not-screened');
    expect(foodInsecurityOf([panel('2026-03-01', 'LA15775-2', 'LA15775-2')], ON).value).toBe('not-screened');
  });
});
