import { describe, expect, it } from 'vitest';
import { payerOf } from '../../src/domain/payer';

const coverage = (type: object, extra: object = {}): object => ({
  resourceType: 'Coverage',
  status: 'active',
  type,
  ...extra,
});
const sopt = (code: string): object => ({ coding: [{ system: 'https://nahdo.org/sopt', code }] });
const ON = '2026-12-31';

describe('payerOf', () => {
  it('maps Source of Payment Typology codes and their children', () => {
    expect(payerOf([coverage(sopt('1'))], ON).value).toBe('medicare');
    expect(payerOf([coverage(sopt('121'))], ON).value).toBe('medicare');
    expect(payerOf([coverage(sopt('2'))], ON).value).toBe('medicaid');
    expect(payerOf([coverage(sopt('5'))], ON).value).toBe('private');
    expect(payerOf([coverage(sopt('81'))], ON).value).toBe('uninsured');
    expect(payerOf([coverage(sopt('8'))], ON).value).toBe('uninsured');
    expect(payerOf([coverage(sopt('311'))], ON).value).toBe('other');
  });

  it('falls back on other type codes and text', () => {
    expect(payerOf([coverage({ text: 'Medicaid managed care' })], ON).value).toBe('medicaid');
    expect(payerOf([coverage({ coding: [{ code: 'pay' }] })], ON).value).toBe('uninsured');
    expect(payerOf([coverage({ text: 'Acme PPO' })], ON).value).toBe('private');
  });

  it('uses the primary active coverage on the date', () => {
    const resources = [
      coverage(sopt('5'), { order: 2 }),
      coverage(sopt('1'), { order: 1 }),
      coverage(sopt('2'), { order: 0, period: { end: '2025-06-30' } }),
      coverage(sopt('81'), { order: 0, status: 'cancelled' }),
    ];
    expect(payerOf(resources, ON).value).toBe('medicare');
  });

  it('is absent with no coverage active on the date', () => {
    expect(payerOf([], ON).value).toBe('absent');
    expect(payerOf([coverage(sopt('1'), { period: { start: '2027-01-01' } })], ON).value).toBe('absent');
  });
});
