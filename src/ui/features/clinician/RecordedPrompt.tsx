import type { RecordedRacismPrompt } from '../../../domain/racism-prompt-response';
import {
  EXPERIENCE_KINDS,
  EXPERIENCE_SETTINGS,
  FOLLOW_UPS,
  NOT_ASKED_REASONS,
} from '../../../domain/racism-prompt-questionnaire';
import { fhirDay } from '../../../domain/fhir-day';
import { formatDay } from './format-day';

const OUTCOME_LABEL = {
  shared: 'The patient shared an experience',
  'nothing-to-share': 'Asked; the patient had nothing to share',
  declined: 'Asked; the patient chose not to answer',
  'not-asked': 'Not asked',
} as const;

/** One earlier answer: when, by whom, and (behind a disclosure, since the screen may be seen) what was recorded. */
export function RecordedPrompt({ record }: { readonly record: RecordedRacismPrompt }) {
  const day = fhirDay(record.authored);
  const { outcome } = record;
  const by = record.author?.display ?? record.author?.reference;
  return (
    <div className="recorded" data-testid="last-recorded">
      <p>
        <strong>{OUTCOME_LABEL[outcome.kind]}</strong> — {day === undefined ? 'date unknown' : formatDay(day)}
        {by === undefined ? '' : `, recorded by ${by}`}.
      </p>
      <details>
        <summary>Show what was recorded</summary>
        <dl>
          {outcome.kind === 'not-asked' ? (
            <>
              <dt>Why not asked</dt>
              <dd>{NOT_ASKED_REASONS[outcome.reason]}</dd>
              {outcome.note !== '' && (
                <>
                  <dt>More about why</dt>
                  <dd>{outcome.note}</dd>
                </>
              )}
            </>
          ) : (
            <>
              {outcome.kind === 'shared' && (
                <>
                  <dt>What the patient shared</dt>
                  <dd data-testid="recorded-details">
                    {outcome.details === '' ? 'Nothing written down' : outcome.details}
                  </dd>
                  {outcome.experienceKinds.length > 0 && (
                    <>
                      <dt>Kind</dt>
                      <dd>{outcome.experienceKinds.map((k) => EXPERIENCE_KINDS[k]).join('; ')}</dd>
                    </>
                  )}
                  {outcome.settings.length > 0 && (
                    <>
                      <dt>Where</dt>
                      <dd>{outcome.settings.map((s) => EXPERIENCE_SETTINGS[s]).join('; ')}</dd>
                    </>
                  )}
                </>
              )}
              <dt>Follow-up</dt>
              <dd>
                {outcome.followUps.length === 0
                  ? 'None recorded'
                  : outcome.followUps.map((f) => FOLLOW_UPS[f]).join('; ')}
              </dd>
              {outcome.careTeamNote !== '' && (
                <>
                  <dt>Note for the care team</dt>
                  <dd>{outcome.careTeamNote}</dd>
                </>
              )}
            </>
          )}
        </dl>
      </details>
    </div>
  );
}
