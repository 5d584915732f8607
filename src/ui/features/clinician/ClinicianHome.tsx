import { displayName } from '../../../domain/human-name';
import type { Session } from '../../../fhir/session';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { PatientBanner } from '../../components/PatientBanner';
import { patientFacts } from '../../patient-facts';
import { useAsync } from '../../use-async';

interface ClinicianHomeProps {
  readonly session: Session & { readonly patientId: string };
}

const RECORD_TYPES = ['Observation', 'Condition', 'Encounter'] as const;

/** The in-visit view for the patient in context. */
export function ClinicianHome({ session }: ClinicianHomeProps) {
  const { gateway, patientId } = session;
  const what = 'reading the patient’s record';
  const [state, retry] = useAsync(`clinician:${patientId}`, what, async (signal) => {
    const patient = await gateway.read(`Patient/${encodeURIComponent(patientId)}`, { what, signal });
    const counts = await Promise.all(
      RECORD_TYPES.map(async (type) => ({
        type,
        count: await gateway.count(`${type}?patient=${encodeURIComponent(patientId)}`, { what, signal }),
      })),
    );
    return { patient, counts };
  });
  if (state.status === 'loading') return <Loading label="Loading the patient’s record" />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={retry} />;
  const { patient, counts } = state.value;
  const facts = patientFacts(patient);
  return (
    <>
      {session.needPatientBanner && <PatientBanner patient={patient} />}
      <h1>Patient summary</h1>
      <section aria-labelledby="summary-heading" className="card">
        <h2 id="summary-heading">{displayName(patient) ?? 'Name not recorded'}</h2>
        <p data-testid="patient-age">
          {facts.age !== undefined ? `${facts.age} years old` : 'Age not recorded'},{' '}
          {facts.gender ?? 'sex not recorded'}
        </p>
        <table>
          <caption>Records available to Equity Lens</caption>
          <thead>
            <tr>
              <th scope="col">Record type</th>
              <th scope="col">Count</th>
            </tr>
          </thead>
          <tbody>
            {counts.map(({ type, count }) => (
              <tr key={type}>
                <th scope="row">{type}</th>
                <td data-testid={`count-${type}`}>{count.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
