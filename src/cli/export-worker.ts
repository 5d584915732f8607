import { parentPort, workerData } from 'node:worker_threads';
import { AsyncChannel } from '../worker/async-channel';
import { MeasureRun } from '../worker/measure-run';
import type { PatientRecordGrouper } from '../worker/patient-record-grouper';
import type { MalformedLine } from './export-loader';
import { loadPart } from './export-part-loader';
import {
  exportWorkerDataSchema,
  toExportWorkerSchema,
  type FromExportWorker,
  type ToExportWorker,
} from './export-worker-protocol';
import type { ExportFile } from './ndjson-export';
import { groupInReadingOrder } from './placed-resource';

// One worker thread of `loadInThreads`: loads its part of the export, trades misplaced resources through the main
// thread, evaluates its own patients and returns their counts. The steps themselves (`loadPart`,
// `groupInReadingOrder`, `MeasureRun`) are plain functions, tested without threads.

const port = parentPort;
if (port === null) throw new Error('export-worker.ts runs only as a worker thread');
const data = exportWorkerDataSchema.parse(workerData);
const send = (message: FromExportWorker): void => {
  port.postMessage(message);
};
const inbox = new AsyncChannel<ToExportWorker>();
port.on('message', (message: unknown) => {
  inbox.push(toExportWorkerSchema.parse(message));
});
const messages = inbox[Symbol.asyncIterator]();

async function nextMessage(): Promise<ToExportWorker> {
  const result = await messages.next();
  if (result.done === true) throw new Error('the main thread closed the channel');
  return result.value;
}

/** Loads this part, hands misplaced resources to the main thread and groups what it gets back with its own. */
async function loadAndGroup(): Promise<PatientRecordGrouper> {
  let malformed: MalformedLine[] = [];
  let reported = 0;
  const indexOf = new Map(data.files.map((f, i) => [f.path, i]));
  const fileIndex = (file: ExportFile): number => indexOf.get(file.path) ?? 0;
  const load = await loadPart(data.files, {
    part: data.part,
    parts: data.parts,
    parseAll: data.parseAll,
    onMalformed: (m) => {
      if (reported++ < data.reportLimit) malformed.push(m);
    },
    onProgress: (file, lines) => {
      send({ type: 'read', file: fileIndex(file), lines, malformed });
      malformed = [];
    },
    onFileDone: (file, lines) => {
      send({ type: 'file-done', file: fileIndex(file), lines });
    },
  });
  send({ type: 'loaded', stats: load.stats, forward: load.forward, shared: load.shared });
  const received = await nextMessage();
  if (received.type !== 'receive') throw new Error('expected the forwarded resources from the main thread');
  return groupInReadingOrder(load.own, received.resources);
}

const grouper = await loadAndGroup();
const orphans = grouper.patientsWithoutPatientResource();
send({ type: 'grouped', patients: grouper.size - orphans, orphans });

if ((await nextMessage()).type !== 'evaluate') throw new Error('expected "evaluate" from the main thread');
const run = new MeasureRun(data.config);
for (const record of grouper.drain()) {
  run.add(record);
  if (run.patients % 1000 === 0) send({ type: 'evaluating', patients: run.patients });
}
// The main thread ends this thread once it has the counts; exiting first would look like a crash to it.
send({ type: 'evaluated', patients: run.patients, partials: run.partials() });
