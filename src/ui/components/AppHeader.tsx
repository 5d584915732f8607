import { displayName } from '../../domain/human-name';
import type { Session, WayIn } from '../../fhir/session';
import { useAsync } from '../use-async';

const WAY_LABEL: Record<WayIn, string> = {
  clinician: 'Clinician view',
  'quality-lead': 'Quality lead view',
  patient: 'My information',
};

/** The header's words in the page's language (the patient's view is in English or Spanish). */
export interface HeaderWords {
  /** BCP-47 tag of the words. */
  readonly lang: string;
  readonly way: string;
  readonly signedInAs: string;
  readonly fhirServer: string;
  readonly unknownUser: string;
}

interface AppHeaderProps {
  readonly session: Session;
  /** Default: English. */
  readonly words?: HeaderWords;
}

/** Says where the user is: which view, who is signed in, and which FHIR server the data comes from. */
export function AppHeader({ session, words }: AppHeaderProps) {
  const { fhirUser, gateway } = session;
  const [user] = useAsync(`user:${fhirUser ?? ''}`, 'reading who is signed in', async (signal) => {
    if (fhirUser === undefined) return undefined;
    // A clinician's token may not allow reading Practitioner records: the reference is shown instead.
    const resource = await gateway.read(fhirUser, { what: 'reading who is signed in', signal }).catch(() => undefined);
    return displayName(resource);
  });
  const userLabel = user.status === 'ready' ? (user.value ?? fhirUser) : fhirUser;
  const w = words ?? englishWords(session.way);
  return (
    <header className="app-header" lang={w.lang}>
      <div className="brand">
        <span className="brand-name" lang="en">
          Equity Lens
        </span>
        <span className="way" data-testid="way-in">
          {w.way}
        </span>
      </div>
      <dl className="context">
        <div>
          <dt>{w.signedInAs}</dt>
          <dd data-testid="signed-in-user">{userLabel ?? w.unknownUser}</dd>
        </div>
        <div>
          <dt>{w.fhirServer}</dt>
          <dd data-testid="fhir-server">{new URL(session.serverUrl).host}</dd>
        </div>
      </dl>
    </header>
  );
}

function englishWords(way: WayIn): HeaderWords {
  return {
    lang: 'en',
    way: WAY_LABEL[way],
    signedInAs: 'Signed in as',
    fhirServer: 'FHIR server',
    unknownUser: 'unknown user',
  };
}
