import type { Session } from '../../../fhir/session';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../use-async';

interface QualityLeadHomeProps {
  readonly session: Session;
}

/** The population view for a quality lead launching without a patient. */
export function QualityLeadHome({ session }: QualityLeadHomeProps) {
  const { gateway } = session;
  const what = 'counting the population';
  const [state, retry] = useAsync('population-count', what, async (signal) => {
    const [patients, practitioners] = await Promise.all([
      gateway.count('Patient', { what, signal }),
      gateway.count('Practitioner', { what, signal }),
    ]);
    return { patients, practitioners };
  });
  return (
    <>
      <h1>Population</h1>
      {state.status === 'loading' && <Loading label="Counting patients on this server" />}
      {state.status === 'error' && <ErrorPanel error={state.error} onRetry={retry} />}
      {state.status === 'ready' && (
        <section className="card" aria-label="Population size">
          <p className="big-number" data-testid="population-count">
            {state.value.patients.toLocaleString('en-US')}
          </p>
          <p>
            patients on this server, cared for by {state.value.practitioners.toLocaleString('en-US')} practitioners.
          </p>
        </section>
      )}
    </>
  );
}
