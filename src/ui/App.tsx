import { useEffect, useState, type ReactNode } from 'react';
import { launchFailure } from '../fhir/launch-plan';
import type { AppError } from '../fhir/app-error';
import type { Session } from '../fhir/session';
import { completeLaunch } from '../fhir/smart-launch';
import { EngineClient } from '../worker/engine-client';
import { AppHeader } from './components/AppHeader';
import { ErrorPanel } from './components/ErrorPanel';
import { Loading } from './components/Loading';
import { ClinicianHome } from './features/clinician/ClinicianHome';
import { PatientHome } from './features/patient/PatientHome';
import { QualityLeadHome } from './features/quality-lead/QualityLeadHome';

type LaunchState =
  | { readonly status: 'launching' }
  | { readonly status: 'failed'; readonly error: AppError }
  | { readonly status: 'ready'; readonly session: Session };

/** Completes the SMART launch, then shows the view for the way the user came in. */
export function App() {
  const [launch, setLaunch] = useState<LaunchState>({ status: 'launching' });
  useEffect(() => {
    completeLaunch().then(
      (session) => {
        // Only the quality lead's population runs in the engine's worker (see main.tsx).
        if (session.way !== 'quality-lead') EngineClient.discardPrestarted();
        setLaunch({ status: 'ready', session });
      },
      (error: unknown) => {
        EngineClient.discardPrestarted();
        setLaunch({ status: 'failed', error: launchFailure(error) });
      },
    );
  }, []);
  if (launch.status === 'launching') {
    return (
      <main className="page">
        <Loading label="Signing in with your EHR" />
      </main>
    );
  }
  if (launch.status === 'failed') {
    return (
      <main className="page">
        <ErrorPanel error={launch.error} level={1} />
      </main>
    );
  }
  return <View session={launch.session} />;
}

function View({ session }: { readonly session: Session }) {
  switch (session.way) {
    case 'clinician':
      return (
        <StaffPage session={session}>
          <ClinicianHome session={session} />
        </StaffPage>
      );
    case 'quality-lead':
      return (
        <StaffPage session={session}>
          <QualityLeadHome session={session} />
        </StaffPage>
      );
    case 'patient':
      // Header included: in the language the patient chose.
      return <PatientHome session={session} />;
  }
}

function StaffPage({ session, children }: { readonly session: Session; readonly children: ReactNode }) {
  return (
    <>
      <AppHeader session={session} />
      <main className="page">{children}</main>
    </>
  );
}
