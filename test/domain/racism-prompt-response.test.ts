import type { QuestionnaireItem, QuestionnaireResponse } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import type { RacismPromptOutcome } from '../../src/domain/racism-prompt-outcome';
import { RACISM_PROMPT_QUESTIONNAIRE } from '../../src/domain/racism-prompt-questionnaire';
import {
  readRacismPromptResponse,
  toRacismPromptObservation,
  toRacismPromptResponse,
} from '../../src/domain/racism-prompt-response';
import type { RacismPromptContext } from '../../src/domain/racism-prompt-response';

const ctx: RacismPromptContext = {
  patientId: 'p1',
  author: 'Practitioner/dr1',
  authorName: 'Robin Okafor',
  encounterId: 'e1',
  authored: '2026-11-23T10:15:00-05:00',
  identifier: 'draft-123',
};

const SHARED: RacismPromptOutcome = {
  kind: 'shared',
  details: 'Was ignored at the pharmacy.',
  experienceKinds: ['interpersonal'],
  settings: ['pharmacy'],
  followUps: ['acknowledged', 'patient-advocate'],
  careTeamNote: 'Offer an advocate next visit.',
};
const NOTHING: RacismPromptOutcome = { kind: 'nothing-to-share', followUps: ['acknowledged'], careTeamNote: '' };
const DECLINED: RacismPromptOutcome = { kind: 'declined', followUps: [], careTeamNote: '' };
const NOT_ASKED: RacismPromptOutcome = { kind: 'not-asked', reason: 'no-interpreter', note: 'Interpreter line down' };
const OUTCOMES = [SHARED, NOTHING, DECLINED, NOT_ASKED];

/** Checks a response against the Questionnaire the way a validator would: known linkIds, allowed codes, repeats. */
function conformsTo(response: QuestionnaireResponse, items: readonly QuestionnaireItem[]): string[] {
  const problems: string[] = [];
  for (const answered of response.item ?? []) {
    const item = items.find((i) => i.linkId === answered.linkId);
    if (item === undefined) problems.push(`unknown linkId ${answered.linkId}`);
    else if (!item.repeats && (answered.answer?.length ?? 0) > 1) problems.push(`${item.linkId} repeats`);
    for (const answer of answered.answer ?? []) {
      const code = answer.valueCoding;
      if (code === undefined) continue;
      const allowed = item?.answerOption?.some(
        (o) => o.valueCoding?.system === code.system && o.valueCoding?.code === code.code,
      );
      if (allowed !== true) problems.push(`${answered.linkId}: ${code.code ?? ''} not an option`);
    }
  }
  return problems;
}

describe('the racism-prompt QuestionnaireResponse', () => {
  it('cites the app’s Questionnaire, the patient, the author, the encounter, the time and a client identifier', () => {
    const response = toRacismPromptResponse(SHARED, ctx);
    expect(response).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'https://equity-lens.example.org/fhir/Questionnaire/racism-experience-prompt|1.0.0',
      status: 'completed',
      subject: { reference: 'Patient/p1' },
      author: { reference: 'Practitioner/dr1', display: 'Robin Okafor' },
      encounter: { reference: 'Encounter/e1' },
      authored: '2026-11-23T10:15:00-05:00',
      identifier: { value: 'draft-123' },
    });
    const withoutContext = toRacismPromptResponse(DECLINED, { ...ctx, encounterId: undefined, author: undefined });
    expect(withoutContext.encounter).toBeUndefined();
    expect(withoutContext.author).toBeUndefined();
  });

  it('answers the question with the LOINC codes STANDARDS.md names', () => {
    const answerOf = (outcome: RacismPromptOutcome) =>
      toRacismPromptResponse(outcome, ctx).item?.find((i) => i.linkId === 'experience')?.answer?.[0]?.valueCoding?.code;
    expect(OUTCOMES.map(answerOf)).toEqual(['LA33-6', 'LA32-8', 'LA30122-8', undefined]);
  });

  it('conforms to the Questionnaire for every outcome and reads back to the same outcome', () => {
    for (const outcome of OUTCOMES) {
      const response = toRacismPromptResponse(outcome, ctx);
      expect(conformsTo(response, RACISM_PROMPT_QUESTIONNAIRE.item ?? [])).toEqual([]);
      expect(readRacismPromptResponse(JSON.parse(JSON.stringify(response)))?.outcome).toEqual(outcome);
    }
  });

  it('leaves empty text out rather than writing empty answers', () => {
    const response = toRacismPromptResponse(
      { kind: 'shared', details: '  ', experienceKinds: [], settings: [], followUps: [], careTeamNote: '' },
      ctx,
    );
    expect(response.item?.map((i) => i.linkId)).toEqual(['asked', 'experience']);
  });

  it('ignores responses to other questionnaires, unfinished ones, and codes it does not know', () => {
    const response = toRacismPromptResponse(NOTHING, ctx);
    expect(
      readRacismPromptResponse({ ...response, questionnaire: 'http://example.org/Questionnaire/phq-9' }),
    ).toBeUndefined();
    expect(readRacismPromptResponse({ ...response, status: 'in-progress' })).toBeUndefined();
    expect(readRacismPromptResponse({ resourceType: 'Patient' })).toBeUndefined();
    const odd = {
      ...response,
      item: [...(response.item ?? []), { linkId: 'follow-up', answer: [{ valueCoding: { system: 'x', code: 'y' } }] }],
    };
    expect(readRacismPromptResponse(odd)?.outcome).toEqual(NOTHING);
  });
});

describe('the derived screening Observation', () => {
  it('is a survey + sdoh Observation with the coded answer, derived from the response, without the free text', () => {
    const observation = toRacismPromptObservation(SHARED, ctx, 'QuestionnaireResponse/qr1');
    expect(observation?.category?.flatMap((c) => c.coding?.map((coding) => coding.code))).toEqual(['survey', 'sdoh']);
    expect(observation?.valueCodeableConcept?.coding?.[0]).toMatchObject({
      system: 'http://loinc.org',
      code: 'LA33-6',
    });
    expect(observation?.derivedFrom).toEqual([{ reference: 'QuestionnaireResponse/qr1' }]);
    expect(JSON.stringify(observation)).not.toContain('pharmacy');
    expect(toRacismPromptObservation(NOT_ASKED, ctx, 'QuestionnaireResponse/qr1')).toBeUndefined();
  });
});
