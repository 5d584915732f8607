import { displayName } from '../../../domain/human-name';
import type { Session } from '../../../fhir/session';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../use-async';

interface PatientHomeProps {
  readonly session: Session & { readonly patientId: string };
}

/** The patient's own way in: self-reporting race, ethnicity and language. */
export function PatientHome({ session }: PatientHomeProps) {
  const { gateway, patientId } = session;
  const what = 'reading your record';
  const [state, retry] = useAsync(`patient:${patientId}`, what, (signal) =>
    gateway.read(`Patient/${encodeURIComponent(patientId)}`, { what, signal }),
  );
  if (state.status === 'loading') return <Loading label="Loading your record" />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={retry} />;
  return (
    <>
      <h1 data-testid="patient-greeting">Hello, {displayName(state.value) ?? 'there'}</h1>
      <section className="card">
        <p>
          Your clinic asks every patient about race, ethnicity and language to find and fix unfair differences in care.
          Your answers never decide your care.
        </p>
      </section>
    </>
  );
}
