import { useMemo, useState } from 'react';
import { displayName } from '../../../domain/human-name';
import { lastAskedDay, racismPromptDue } from '../../../domain/racism-prompt-due';
import { readRacismPromptResponse } from '../../../domain/racism-prompt-response';
import type { RecordedRacismPrompt } from '../../../domain/racism-prompt-response';
import { currentEncounter, visitOf } from '../../../domain/racism-prompt-visit';
import { evaluatePatientMeasures } from '../../../measures/evaluate-patient';
import { CLINICAL_TYPES, TYPE_WORDS, loadClinicalRecord, loadPatientContext } from '../../../fhir/clinician-record';
import type { ClinicalRecord } from '../../../fhir/clinician-record';
import { allows } from '../../../fhir/scopes';
import type { LooseResource } from '../../../fhir/schemas';
import type { Session } from '../../../fhir/session';
import { isResourceShaped } from '../../../worker/patient-record-grouper';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { PatientBanner } from '../../components/PatientBanner';
import { useAsync } from '../../use-async';
import { CareGaps } from './CareGaps';
import { localDay } from './format-day';
import { promptIntervalMonths } from './prompt-config';
import { RacismPromptCard } from './RacismPromptCard';
import { RealDataStatus } from './RealDataStatus';
import { realDataStatus } from './real-data-status';
import { selfReportDays } from './self-report-evidence';
import { useSavePrompt } from './use-save-prompt';
import './clinician.css';

interface ClinicianHomeProps {
  readonly session: Session & { readonly patientId: string };
}

const MEASURES_SHOWN = ['cms165', 'cms122'] as const;

/**
 * The in-visit view for the patient in context: care gaps on CMS165 and CMS122 with their evidence, the REAL data
 * status with an invitation to self-report, and the racism-experience prompt. The Patient and the answers on record
 * come first (one read, two searches); the clinical record loads beside them and fills in the care gaps.
 */
export function ClinicianHome({ session }: ClinicianHomeProps) {
  const { gateway, patientId, grantedScopes } = session;
  const [context, retryContext] = useAsync(`clinician-context:${patientId}`, 'reading the patient’s record', (signal) =>
    loadPatientContext(gateway, patientId, { signal, grantedScopes }),
  );
  const [clinical, retryClinical] = useAsync(
    `clinician-clinical:${patientId}`,
    'reading the patient’s care record',
    (signal) => loadClinicalRecord(gateway, patientId, { signal, grantedScopes }),
  );
  const [saved, setSaved] = useState<readonly RecordedRacismPrompt[]>([]);
  const today = localDay();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const save = useSavePrompt(session);

  const patient = context.status === 'ready' ? context.value.patient : undefined;
  const record = clinical.status === 'ready' ? clinical.value : undefined;
  const results = useMemo(() => {
    if (patient === undefined || record === undefined) return undefined;
    const resources = [patient, ...record.resources].filter(isResourceShaped);
    const period = { start: `${year}-01-01`, end: `${year}-12-31` };
    // Days are read in the clinician's own time zone, as the visit is.
    return evaluatePatientMeasures(MEASURES_SHOWN, { patientId, resources }, period, {
      utcOffsetMinutes: -new Date().getTimezoneOffset(),
    });
  }, [patient, record, patientId, year]);

  if (context.status === 'loading') return <Loading label="Loading the patient’s record" />;
  if (context.status === 'error') return <ErrorPanel error={context.error} onRetry={retryContext} />;
  const { responses, provenances, notPermitted } = context.value;

  const canReadAnswers = !notPermitted.includes('QuestionnaireResponse');
  const records = canReadAnswers ? mergeRecords(responses, saved) : undefined;
  const visit = visitFor(record, session.encounterId, today);
  const intervalMonths = promptIntervalMonths();
  const due = racismPromptDue({
    today,
    lastAsked: lastAskedDay(records ?? saved),
    visit: visit.kind,
    visitStart: visit.start,
    intervalMonths,
  });
  const canWrite =
    allows(grantedScopes, 'patient', 'QuestionnaireResponse', 'c') ||
    allows(grantedScopes, 'user', 'QuestionnaireResponse', 'c');
  const fields = realDataStatus(patient, selfReportDays(patientId, provenances, responses));
  const inviteUrl = new URL(`launch.html?iss=${encodeURIComponent(session.serverUrl)}`, window.location.href).href;
  const hidden = [...notPermitted, ...(record?.notPermitted ?? [])];

  return (
    <div className="clinician">
      {session.needPatientBanner && patient !== undefined && <PatientBanner patient={patient} />}
      <h1>Visit summary</h1>
      <p className="lede">
        {displayName(patient) ?? 'This patient'}: care gaps, race, ethnicity and language, and the racism-experience
        question.
      </p>
      {hidden.length > 0 && (
        <p className="notice" role="note" data-testid="not-permitted">
          The EHR did not give Equity Lens access to the patient’s{' '}
          {hidden.map((type) => TYPE_WORDS[type] ?? type).join(', ')}. What depends on them may be incomplete.
        </p>
      )}
      <CareGaps results={results ?? []} year={year} years={[thisYear, thisYear - 1]} onYear={setYear}>
        {clinical.status === 'loading' ? (
          <Loading label="Reading visits, diagnoses and results" />
        ) : clinical.status === 'error' ? (
          <ErrorPanel error={clinical.error} onRetry={retryClinical} />
        ) : undefined}
      </CareGaps>
      {record !== undefined && <RecordCounts record={record} />}
      <div className="clinician-grid">
        <RealDataStatus fields={fields} inviteUrl={inviteUrl} selfReportUnknown={notPermitted.includes('Provenance')} />
        <RacismPromptCard
          patientId={patientId}
          due={due}
          intervalMonths={intervalMonths}
          records={records}
          cannotWrite={
            canWrite
              ? undefined
              : 'The EHR did not give Equity Lens permission to save answers for this patient. Record the answer in the EHR’s own notes, and ask your EHR administrator to grant Equity Lens “QuestionnaireResponse” write access.'
          }
          save={save}
          onSaved={(saved) => {
            setSaved((list) => [saved, ...list]);
          }}
        />
      </div>
    </div>
  );
}

/** The records read, newest first, with those saved in this session and no response twice. */
function mergeRecords(
  responses: readonly LooseResource[],
  saved: readonly RecordedRacismPrompt[],
): RecordedRacismPrompt[] {
  const read = responses.map(readRacismPromptResponse).filter((r): r is RecordedRacismPrompt => r !== undefined);
  const seen = new Set(read.map((r) => r.id));
  const all = [...read, ...saved.filter((r) => r.id === undefined || !seen.has(r.id))];
  return all.sort((a, b) => Date.parse(b.authored) - Date.parse(a.authored));
}

function visitFor(
  record: ClinicalRecord | undefined,
  encounterId: string | undefined,
  today: string,
): ReturnType<typeof visitOf> {
  if (record === undefined) return { kind: 'unknown', start: undefined };
  const encounters = record.resources.filter((r) => r.resourceType === 'Encounter');
  const inContext = encounterId === undefined ? undefined : encounters.find((e) => e.id === encounterId);
  return visitOf(inContext ?? currentEncounter(encounters, today));
}

/** How much of the record the status rests on, so a clinician can judge an empty result. */
function RecordCounts({ record }: { readonly record: ClinicalRecord }) {
  const shown = CLINICAL_TYPES.filter((type) => record.counts[type] !== undefined);
  return (
    <p className="hint" data-testid="record-counts">
      Read from the EHR:{' '}
      {shown.map((type, index) => (
        <span key={type}>
          {index > 0 && ', '}
          <span data-testid={`count-${type}`}>{(record.counts[type] ?? 0).toLocaleString('en-US')}</span>{' '}
          {SHORT[type][record.counts[type] === 1 ? 0 : 1]}
        </span>
      ))}
      .
    </p>
  );
}

const SHORT: Readonly<Record<(typeof CLINICAL_TYPES)[number], readonly [string, string]>> = {
  Observation: ['observation', 'observations'],
  Condition: ['diagnosis', 'diagnoses'],
  Encounter: ['visit', 'visits'],
  Procedure: ['procedure', 'procedures'],
  MedicationRequest: ['medication order', 'medication orders'],
  ServiceRequest: ['service order', 'service orders'],
  DeviceRequest: ['device order', 'device orders'],
  Coverage: ['insurance coverage', 'insurance coverages'],
};
