import { displayName } from '../../../domain/human-name';
import { SELF_REPORT_FORMS, type SelfReportStandard } from '../../../domain/self-report-form';
import type { FhirGateway } from '../../../fhir/fhir-gateway';
import type { LooseResource } from '../../../fhir/schemas';
import { ConflictPanel } from './ConflictPanel';
import { useMessages } from './messages-context';
import { ForbiddenPanel, SavedPanel } from './OutcomePanels';
import { SelfReportForm } from './SelfReportForm';
import { useSelfReport } from './use-self-report';

interface SelfReportPageProps {
  readonly gateway: FhirGateway;
  readonly patientId: string;
  readonly patient: LooseResource;
  readonly versionId: string;
  readonly standard: SelfReportStandard;
}

/** Greeting, why we ask, then the form or what happened to the last Save. */
export function SelfReportPage({ gateway, patientId, patient, versionId, standard }: SelfReportPageProps) {
  const { messages, t } = useMessages();
  const form = SELF_REPORT_FORMS[standard];
  const report = useSelfReport({ gateway, patientId, patient, versionId, standard, formLanguage: messages.tag });
  const name = displayName(patient);
  const { phase } = report;
  return (
    <>
      <h1 data-testid="patient-greeting">{name === undefined ? t('greetingNoName') : t('greeting', { name })}</h1>
      <p className="sr-lead">{t('intro')}</p>
      <section className="card sr-why" aria-labelledby="why-title">
        <h2 id="why-title">{t('whyTitle')}</h2>
        <ul>
          <li>{t('why1')}</li>
          <li>{t('why2')}</li>
          <li>
            <strong>{t('why3')}</strong>
          </li>
          <li>{t('why4')}</li>
        </ul>
      </section>
      {phase.kind === 'saved' ? (
        <SavedPanel answers={report.answers} form={form} incomplete={phase.incomplete} onEditAgain={report.editAgain} />
      ) : phase.kind === 'conflict' ? (
        <ConflictPanel
          form={form}
          changed={phase.changed}
          before={phase.before}
          now={phase.now}
          mine={report.answers}
          onKeepMine={report.keepMine}
          onReview={report.review}
        />
      ) : phase.kind === 'forbidden' ? (
        <ForbiddenPanel answers={report.answers} form={form} onBack={report.editAgain} />
      ) : (
        <SelfReportForm form={form} report={report} />
      )}
    </>
  );
}
