import { describe, expect, it } from 'vitest';
import { answersFromPatient } from '../../src/domain/self-report-patient';
import { SELF_REPORT_FORMS } from '../../src/domain/self-report-form';
import { submitSelfReport, type SelfReportDraft } from '../../src/fhir/self-report-submit';
import { fakeServer, type FakeServer } from './self-report-fake-server';

const RACE = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';
const staffRace = (code: string) => ({
  url: RACE,
  extension: [
    { url: 'ombCategory', valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code } },
    { url: 'text', valueString: code },
  ],
});
const START = { resourceType: 'Patient', id: 'p1', extension: [staffRace('2106-3')], telecom: [{ value: '1' }] };
const NOW = () => new Date('2026-11-02T10:00:00Z');

function setUp(): { server: FakeServer; draft: SelfReportDraft } {
  const server = fakeServer(START);
  const draft: SelfReportDraft = {
    submissionId: 's1',
    patientId: 'p1',
    standard: 'omb-1997',
    formLanguage: 'en',
    answers: { race: { kind: 'codes', codes: ['2028-9', '2034-7'] }, interpreterNeeded: false },
    base: { versionId: '1', answers: answersFromPatient(server.patient, SELF_REPORT_FORMS['omb-1997']) },
  };
  return { server, draft };
}
const submit = (server: FakeServer, draft: SelfReportDraft) =>
  submitSelfReport(server.gateway, draft, { ...server.patient, resourceType: 'Patient' }, { now: NOW });
const writes = (server: FakeServer) => server.log.filter((line) => !line.startsWith('GET'));

describe('submitSelfReport', () => {
  it('updates the Patient with If-Match, then records the answers and a Provenance of the version written', async () => {
    const { server, draft } = setUp();
    expect(await submit(server, draft)).toMatchObject({ kind: 'saved', versionId: '2' });
    expect(writes(server)).toEqual(['PUT Patient/p1', 'POST QuestionnaireResponse', 'POST Provenance']);
    expect(server.patient['telecom']).toEqual(START.telecom);
    expect(server.created[1]).toMatchObject({
      target: [{ reference: 'Patient/p1/_history/2' }],
      entity: [{ what: { reference: 'QuestionnaireResponse/questionnaireresponse-1' } }],
    });
  });

  it('writes once when the form is submitted twice at the same time', async () => {
    const { server, draft } = setUp();
    const [first, second] = await Promise.all([submit(server, draft), submit(server, draft)]);
    expect(second).toBe(first);
    expect(writes(server)).toHaveLength(3);
  });

  it('on 412 shows what someone else changed and writes nothing', async () => {
    const { server, draft } = setUp();
    server.editAsSomeoneElse((p) => ({ ...p, extension: [staffRace('2054-5')] }));
    const result = await submit(server, draft);
    expect(result).toMatchObject({ kind: 'conflict', changed: ['race'], latestVersionId: '2' });
    expect(writes(server)).toEqual(['PUT Patient/p1']);
  });

  it('re-reads past the browser cache after a 412, which would otherwise show the old version', async () => {
    const { server, draft } = setUp();
    server.cachedCopy = server.patient;
    server.editAsSomeoneElse((p) => ({ ...p, extension: [staffRace('2054-5')] }));
    expect(await submit(server, draft)).toMatchObject({ kind: 'conflict', changed: ['race'] });
    expect(server.readCacheModes).toEqual(['no-store']);
  });

  it('on 412 for a change to fields the patient did not answer, applies the answers to the new version', async () => {
    const { server, draft } = setUp();
    server.editAsSomeoneElse((p) => ({ ...p, telecom: [{ value: '2' }] }));
    expect(await submit(server, draft)).toMatchObject({ kind: 'saved', versionId: '3' });
    expect(server.patient['telecom']).toEqual([{ value: '2' }]);
  });

  it('after a lost response, a retry recognises its own write instead of writing twice', async () => {
    const { server, draft } = setUp();
    server.loseNextPutResponse = true;
    const failed = await submit(server, draft);
    expect(failed).toMatchObject({ kind: 'failed', error: { kind: 'network', retryable: true } });
    if (failed.kind !== 'failed') return;
    expect(await submit(server, failed.draft)).toMatchObject({ kind: 'saved', versionId: '2' });
    expect(writes(server)).toEqual([
      'PUT Patient/p1',
      'PUT Patient/p1',
      'POST QuestionnaireResponse',
      'POST Provenance',
    ]);
  });

  it('keeps its progress when a later write fails, so the retry does not update the Patient again', async () => {
    const { server, draft } = setUp();
    server.failNext.set('POST Provenance', 503);
    const failed = await submit(server, draft);
    expect(failed).toMatchObject({ kind: 'failed', draft: { writtenVersionId: '2' } });
    if (failed.kind !== 'failed') return;
    expect(await submit(server, failed.draft)).toMatchObject({ kind: 'saved', versionId: '2' });
    expect(writes(server).filter((w) => w.startsWith('PUT'))).toHaveLength(1);
    expect(writes(server).filter((w) => w.startsWith('POST QuestionnaireResponse'))).toHaveLength(1);
  });

  it('reports a server that refuses the update as forbidden and writes nothing else', async () => {
    const { server, draft } = setUp();
    server.failNext.set('PUT Patient', 403);
    expect(await submit(server, draft)).toMatchObject({
      kind: 'failed',
      error: { kind: 'forbidden', retryable: false },
    });
    expect(server.created).toEqual([]);
  });
});
