import type { Observation, QuestionnaireResponse } from 'fhir/r4';
import {
  RACISM_PROMPT_IDENTIFIER_SYSTEM,
  RACISM_PROMPT_QUESTIONNAIRE,
  RACISM_PROMPT_QUESTIONNAIRE_URL,
  RACISM_PROMPT_QUESTIONNAIRE_VERSION,
} from '../domain/racism-prompt-questionnaire';
import { AppError } from './app-error';
import type { FhirGateway } from './fhir-gateway';
import type { LooseResource } from './schemas';
import { allows } from './scopes';

/** What happened to the app's Questionnaire on this server. */
export type QuestionnaireState = 'on-server' | 'not-permitted' | 'not-stored';

export interface SaveRacismPromptInput {
  readonly response: QuestionnaireResponse & { readonly identifier: { readonly value?: string } };
  /** The derived Observation, given the saved response's reference; undefined when there is none to write. */
  readonly observationFor?: (responseReference: string) => Observation | undefined;
  readonly grantedScopes: readonly string[];
  /** True after a failed attempt: the earlier write may have reached the server, so look before writing again. */
  readonly retrying: boolean;
  readonly signal?: AbortSignal;
}

export interface SaveRacismPromptResult {
  readonly response: LooseResource;
  /** The Observation written (or found from an earlier attempt); undefined when none was due or permitted. */
  readonly observation: LooseResource | undefined;
  readonly questionnaire: QuestionnaireState;
}

const WHAT = 'saving the answer to the racism-experience question';

const ensured = new WeakMap<FhirGateway, Promise<QuestionnaireState>>();

/**
 * Makes sure the server holds the app's Questionnaire, once per server connection: a conditional create on `url`
 * and `version` answers 200 when it is there and 201 when it was created. A server that refuses (no scope, 403, no
 * support) still accepts responses citing the canonical URL, so this never blocks the save.
 */
export function ensureRacismPromptQuestionnaire(
  gateway: FhirGateway,
  grantedScopes: readonly string[],
): Promise<QuestionnaireState> {
  const known = ensured.get(gateway);
  if (known !== undefined) return known;
  if (!allows(grantedScopes, 'patient', 'Questionnaire', 'c') && !allows(grantedScopes, 'user', 'Questionnaire', 'c')) {
    return Promise.resolve('not-permitted');
  }
  const query = `url=${encodeURIComponent(RACISM_PROMPT_QUESTIONNAIRE_URL)}&version=${RACISM_PROMPT_QUESTIONNAIRE_VERSION}`;
  const attempt = gateway
    .create(RACISM_PROMPT_QUESTIONNAIRE, { what: 'storing the app’s questionnaire', ifNoneExist: query })
    .then(
      (): QuestionnaireState => 'on-server',
      (error: unknown): QuestionnaireState => {
        // Only success is remembered: a passing failure is tried again with the next save.
        ensured.delete(gateway);
        return error instanceof AppError && error.kind === 'forbidden' ? 'not-permitted' : 'not-stored';
      },
    );
  ensured.set(gateway, attempt);
  return attempt;
}

/**
 * Writes a client-identified resource at most once: a conditional create on its identifier (`If-None-Exist`), and on
 * a retry a search first, for servers that ignore the header. The identifier is generated once per draft, so a
 * double click, a retry after a lost response, or a second tab all end with one resource.
 */
async function createOnce(
  gateway: FhirGateway,
  resource: { readonly resourceType: string },
  identifier: string,
  retrying: boolean,
  signal: AbortSignal | undefined,
): Promise<LooseResource> {
  const query = `identifier=${encodeURIComponent(`${RACISM_PROMPT_IDENTIFIER_SYSTEM}|${identifier}`)}`;
  if (retrying) {
    const [found] = await gateway.searchAll(`${resource.resourceType}?${query}`, { what: WHAT, signal, maxPages: 1 });
    if (found !== undefined) return found;
  }
  const written = await gateway.create(resource, { what: WHAT, signal, ifNoneExist: query });
  return written.resource;
}

/**
 * Saves the prompt's QuestionnaireResponse, then its derived Observation when one is given and permitted. Throws an
 * AppError when the response cannot be written (the caller keeps the draft and offers retry); calling again with
 * `retrying` is safe.
 */
export async function saveRacismPrompt(
  gateway: FhirGateway,
  input: SaveRacismPromptInput,
): Promise<SaveRacismPromptResult> {
  const { response, grantedScopes, retrying, signal } = input;
  if (
    !allows(grantedScopes, 'patient', 'QuestionnaireResponse', 'c') &&
    !allows(grantedScopes, 'user', 'QuestionnaireResponse', 'c')
  ) {
    throw new AppError({
      kind: 'forbidden',
      title: 'Not permitted to record answers',
      detail:
        'The EHR did not give Equity Lens permission to save questionnaire answers (QuestionnaireResponse) for this patient.',
      action:
        'Record the answer in the EHR’s own notes for now, and ask your EHR administrator to grant the permission.',
    });
  }
  const identifier = response.identifier.value;
  if (identifier === undefined) throw new RangeError('the response needs a client-generated identifier');
  const questionnaire = await ensureRacismPromptQuestionnaire(gateway, grantedScopes);
  const saved = await createOnce(gateway, response, identifier, retrying, signal);
  const observation = saved.id === undefined ? undefined : input.observationFor?.(`QuestionnaireResponse/${saved.id}`);
  const mayObserve =
    allows(grantedScopes, 'patient', 'Observation', 'c') || allows(grantedScopes, 'user', 'Observation', 'c');
  const observationId = observation?.identifier?.[0]?.value;
  const savedObservation =
    observation !== undefined && mayObserve && observationId !== undefined
      ? await createOnce(gateway, observation, observationId, retrying, signal)
      : undefined;
  return { response: saved, observation: savedObservation, questionnaire };
}
