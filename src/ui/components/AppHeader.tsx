import { displayName } from '../../domain/human-name';
import type { Session, WayIn } from '../../fhir/session';
import { useAsync } from '../use-async';

const WAY_LABEL: Record<WayIn, string> = {
  clinician: 'Clinician view',
  'quality-lead': 'Quality lead view',
  patient: 'My information',
};

interface AppHeaderProps {
  readonly session: Session;
}

/** Says where the user is: which view, who is signed in, and which FHIR server the data comes from. */
export function AppHeader({ session }: AppHeaderProps) {
  const { fhirUser, gateway } = session;
  const [user] = useAsync(`user:${fhirUser ?? ''}`, 'reading who is signed in', async (signal) => {
    if (fhirUser === undefined) return undefined;
    // A clinician's token may not allow reading Practitioner records: the reference is shown instead.
    const resource = await gateway.read(fhirUser, { what: 'reading who is signed in', signal }).catch(() => undefined);
    return displayName(resource);
  });
  const userLabel = user.status === 'ready' ? (user.value ?? fhirUser) : fhirUser;
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">Equity Lens</span>
        <span className="way" data-testid="way-in">
          {WAY_LABEL[session.way]}
        </span>
      </div>
      <dl className="context">
        <div>
          <dt>Signed in as</dt>
          <dd data-testid="signed-in-user">{userLabel ?? 'unknown user'}</dd>
        </div>
        <div>
          <dt>FHIR server</dt>
          <dd data-testid="fhir-server">{new URL(session.serverUrl).host}</dd>
        </div>
      </dl>
    </header>
  );
}
