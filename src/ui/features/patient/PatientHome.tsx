import { AppError } from '../../../fhir/app-error';
import { selfReportStandard, type SelfReportStandard } from '../../../domain/self-report-form';
import type { Session } from '../../../fhir/session';
import { AppHeader } from '../../components/AppHeader';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../use-async';
import { LocaleSwitch } from './LocaleSwitch';
import { MessagesProvider } from './messages-context';
import { SelfReportErrorPanel } from './SelfReportErrorPanel';
import { SelfReportPage } from './SelfReportPage';
import { useLocale } from './use-locale';
import './self-report.css';

/**
 * Which OMB standard the form follows, from build configuration (`VITE_OMB_STANDARD=omb-2024` switches on the
 * 2024 combined question); the 1997 standard otherwise.
 */
const CONFIGURED_STANDARD: SelfReportStandard = selfReportStandard(import.meta.env['VITE_OMB_STANDARD']);

interface PatientHomeProps {
  readonly session: Session & { readonly patientId: string };
  readonly standard?: SelfReportStandard;
}

/** The patient's own way in (header included): self-reporting race, ethnicity and language, in English or Spanish. */
export function PatientHome({ session, standard = CONFIGURED_STANDARD }: PatientHomeProps) {
  const { gateway, patientId } = session;
  const [messages, chooseLocale] = useLocale();
  const what = 'reading your record';
  const [state, retry] = useAsync(`patient:${patientId}`, what, async (signal) => {
    // The form must start from the record as it is now, not a copy the browser kept.
    const patient = await gateway.read(`Patient/${encodeURIComponent(patientId)}`, { what, signal, cache: 'no-store' });
    const versionId = patient.meta?.versionId;
    // Without a version the app cannot write safely (If-Match): nothing could be saved without overwriting.
    if (versionId === undefined) {
      throw new AppError({
        kind: 'invalid-response',
        title: 'Unexpected answer from the FHIR server',
        detail: 'The record came without a version.',
        action: 'Tell your clinic.',
      });
    }
    return { patient, versionId };
  });
  return (
    <MessagesProvider value={messages}>
      <AppHeader
        session={session}
        words={{
          lang: messages.tag,
          way: messages.ui.headerWay,
          signedInAs: messages.ui.headerSignedInAs,
          fhirServer: messages.ui.headerFhirServer,
          unknownUser: messages.ui.headerUnknownUser,
        }}
      />
      <main className="page">
        <div className="self-report" lang={messages.tag}>
          <LocaleSwitch onChoose={chooseLocale} />
          {state.status === 'loading' && <Loading label={messages.ui.loading} />}
          {state.status === 'error' && (
            <>
              <h1>{messages.ui.greetingNoName}</h1>
              <SelfReportErrorPanel error={state.error} title="errorLoadTitle" onRetry={retry} />
            </>
          )}
          {state.status === 'ready' && (
            <SelfReportPage
              gateway={gateway}
              patientId={patientId}
              patient={state.value.patient}
              versionId={state.value.versionId}
              standard={standard}
            />
          )}
        </div>
      </main>
    </MessagesProvider>
  );
}
