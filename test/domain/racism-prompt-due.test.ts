import { describe, expect, it } from 'vitest';
import { addMonths, lastAskedDay, racismPromptDue } from '../../src/domain/racism-prompt-due';
import type { RecordedRacismPrompt } from '../../src/domain/racism-prompt-response';
import { currentEncounter, visitOf } from '../../src/domain/racism-prompt-visit';

const record = (authored: string, kind: 'declined' | 'not-asked'): RecordedRacismPrompt => ({
  id: authored,
  authored,
  author: undefined,
  encounter: undefined,
  outcome: kind === 'declined' ? { kind, followUps: [], careTeamNote: '' } : { kind, reason: 'no-time', note: '' },
});

describe('when the racism-experience prompt is due', () => {
  it('is due when the patient was never asked', () => {
    expect(racismPromptDue({ today: '2026-11-23', lastAsked: undefined, visit: 'other' })).toMatchObject({
      due: true,
      reason: 'never-asked',
    });
  });

  it('comes back on the day 12 months after the last answer, not the day before', () => {
    const input = { lastAsked: '2025-11-23', visit: 'other' } as const;
    expect(racismPromptDue({ ...input, today: '2026-11-22' })).toEqual({
      due: false,
      reason: 'asked-recently',
      lastAsked: '2025-11-23',
      nextDue: '2026-11-23',
    });
    expect(racismPromptDue({ ...input, today: '2026-11-23' })).toMatchObject({ due: true, reason: 'interval-passed' });
  });

  it('follows a configured interval', () => {
    const input = { lastAsked: '2026-01-31', visit: 'unknown', intervalMonths: 6 } as const;
    expect(racismPromptDue({ ...input, today: '2026-07-30' }).due).toBe(false);
    expect(racismPromptDue({ ...input, today: '2026-07-31' }).due).toBe(true);
  });

  it('is due at an annual or preventive visit unless already asked during it', () => {
    const base = { today: '2026-11-23', lastAsked: '2026-08-01' } as const;
    expect(racismPromptDue({ ...base, visit: 'annual-preventive' })).toMatchObject({
      due: true,
      reason: 'annual-visit',
    });
    expect(racismPromptDue({ ...base, visit: 'other' }).due).toBe(false);
    const sameVisit = { today: '2026-11-24', lastAsked: '2026-11-23', visitStart: '2026-11-23' } as const;
    expect(racismPromptDue({ ...sameVisit, visit: 'annual-preventive' })).toMatchObject({
      due: false,
      reason: 'asked-this-visit',
    });
  });

  it('counts only times the patient was asked, on days it can read', () => {
    const records = [
      record('2026-10-01T10:00:00Z', 'declined'),
      record('2026-11-20T09:00:00-05:00', 'not-asked'),
      record('not a date', 'declined'),
    ];
    expect(lastAskedDay(records)).toBe('2026-10-01');
    expect(lastAskedDay([])).toBeUndefined();
  });

  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
  });

  it('refuses days that are not days, and intervals below a month', () => {
    expect(() => racismPromptDue({ today: '2026-13-01', lastAsked: undefined, visit: 'other' })).toThrow(RangeError);
    expect(() =>
      racismPromptDue({ today: '2026-11-23', lastAsked: '2026-01-01', visit: 'other', intervalMonths: 0 }),
    ).toThrow(RangeError);
  });
});

describe('the visit in progress', () => {
  const encounter = (system: string, code: string, start = '2026-11-23T09:00:00Z') => ({
    resourceType: 'Encounter',
    status: 'finished',
    type: [{ coding: [{ system, code }] }],
    period: { start, end: start.replace('09:00', '09:30') },
  });

  it('recognises preventive and annual wellness visits by their codes', () => {
    expect(visitOf(encounter('http://www.ama-assn.org/go/cpt', '99396'))).toEqual({
      kind: 'annual-preventive',
      start: '2026-11-23',
    });
    expect(visitOf(encounter('http://www.nlm.nih.gov/research/umls/hcpcs', 'G0439')).kind).toBe('annual-preventive');
    expect(visitOf(encounter('http://www.ama-assn.org/go/cpt', '99213')).kind).toBe('other');
    expect(visitOf(undefined).kind).toBe('unknown');
  });

  it('finds today’s visit when the EHR gave no encounter context', () => {
    const today = encounter('http://www.ama-assn.org/go/cpt', '99213');
    const older = encounter('http://www.ama-assn.org/go/cpt', '99396', '2026-03-01T09:00:00Z');
    expect(currentEncounter([{ ...older, period: { start: '2026-03-01' } }, today], '2026-11-23')).toBe(today);
    expect(currentEncounter([older], '2026-11-23')).toBeUndefined();
    expect(currentEncounter([{ ...older, status: 'in-progress' }], '2026-11-23')).toBeDefined();
  });
});
