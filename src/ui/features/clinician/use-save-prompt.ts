import { useCallback } from 'react';
import { displayName } from '../../../domain/human-name';
import {
  readRacismPromptResponse,
  toRacismPromptObservation,
  toRacismPromptResponse,
} from '../../../domain/racism-prompt-response';
import type { RacismPromptContext, RecordedRacismPrompt } from '../../../domain/racism-prompt-response';
import { saveRacismPrompt } from '../../../fhir/racism-prompt-store';
import type { Session } from '../../../fhir/session';
import type { SavePrompt } from './RacismPromptForm';

/**
 * The save action of the prompt form for this session: maps the outcome to a QuestionnaireResponse (author = the
 * signed-in user, encounter when in context) and its screening Observation, writes them once, and returns the
 * record as the server holds it.
 */
export function useSavePrompt(session: Session & { readonly patientId: string }): SavePrompt {
  const { gateway, grantedScopes, patientId, fhirUser, encounterId } = session;
  return useCallback<SavePrompt>(
    async (outcome, identifier, retrying) => {
      // The author's name makes the record readable without another lookup; a refused read just leaves it out.
      const author =
        fhirUser === undefined
          ? undefined
          : await gateway.read(fhirUser, { what: 'reading who is signed in' }).catch(() => undefined);
      const ctx: RacismPromptContext = {
        patientId,
        author: fhirUser,
        authorName: displayName(author),
        encounterId,
        authored: new Date().toISOString(),
        identifier,
      };
      const response = toRacismPromptResponse(outcome, ctx);
      const result = await saveRacismPrompt(gateway, {
        response,
        observationFor: (reference) => toRacismPromptObservation(outcome, ctx, reference),
        grantedScopes,
        retrying,
      });
      const record: RecordedRacismPrompt = readRacismPromptResponse(result.response) ?? {
        id: result.response.id,
        authored: ctx.authored,
        author: { reference: ctx.author, display: ctx.authorName },
        encounter: undefined,
        outcome,
      };
      return record;
    },
    [gateway, grantedScopes, patientId, fhirUser, encounterId],
  );
}
