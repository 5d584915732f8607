import type { Session } from '../../../fhir/session';
import { canReadCharters } from './charter-permissions';
import { CharterList } from './CharterList';
import { CharterView } from './CharterView';
import { useCharterHash } from './use-charter-hash';
import type { TrendClientFactory } from './use-trend-population';
import { useTrendPopulation } from './use-trend-population';
import './goals.css';

interface ChartersPageProps {
  readonly session: Session;
  /** Tests give a trend client on an in-process session; the app uses a Web Worker. */
  readonly makeTrendClient?: TrendClientFactory;
}

/**
 * The Goals page: the improvement charters stored on the FHIR server, and one charter at a time. The clinic's dated
 * data is loaded once, when a charter is first opened, for its trend and progress.
 */
export function ChartersPage({ session, makeTrendClient }: ChartersPageProps) {
  const [open, setOpen] = useCharterHash();
  const population = useTrendPopulation(session, open !== undefined, makeTrendClient);
  if (!canReadCharters(session.grantedScopes)) {
    return (
      <section className="card" aria-labelledby="charters-title">
        <h2 id="charters-title">Improvement charters</h2>
        <p className="notice" role="note">
          Your account was not granted access to plans, goals, tasks and measure reports in this EHR, where charters are
          kept. Ask your EHR administrator for access.
        </p>
      </section>
    );
  }
  return open === undefined ? (
    <CharterList session={session} onOpen={setOpen} />
  ) : (
    <CharterView
      key={open}
      session={session}
      id={open}
      population={population.state}
      onReloadPopulation={population.reload}
      onBack={() => {
        setOpen(undefined);
      }}
    />
  );
}
