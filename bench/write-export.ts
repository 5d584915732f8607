import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { createRng, streamSeed } from '../sandbox/seed/prng';
import { buildSyntheticPatient, type PatientSize } from './synthetic-patient';

export interface ExportSpec {
  readonly patients: number;
  readonly size: PatientSize;
  readonly seed: number;
  /** The measurement year. */
  readonly year: number;
}

export interface WrittenExport {
  readonly resources: number;
  readonly bytes: number;
  readonly byType: Readonly<Record<string, number>>;
}

interface Sink {
  readonly stream: WriteStream;
  pending: string[];
  pendingBytes: number;
}

const FLUSH_BYTES = 1 << 20;

/**
 * Writes a deterministic synthetic population as a Bulk Data export (`<Type>.ndjson` per type), streaming patient
 * by patient so that 100,000 Synthea-sized patients never sit in memory.
 */
export async function writeSyntheticExport(dir: string, spec: ExportSpec): Promise<WrittenExport> {
  await mkdir(dir, { recursive: true });
  const sinks = new Map<string, Sink>();
  const byType: Record<string, number> = {};
  let resources = 0;
  let bytes = 0;
  const flush = async (sink: Sink): Promise<void> => {
    const text = sink.pending.join('');
    sink.pending = [];
    sink.pendingBytes = 0;
    if (!sink.stream.write(text)) await once(sink.stream, 'drain');
  };
  for (let i = 1; i <= spec.patients; i++) {
    const rng = createRng(streamSeed(spec.seed, i));
    for (const resource of buildSyntheticPatient(i, spec.size, rng, spec.year)) {
      const type = String(resource.resourceType);
      let sink = sinks.get(type);
      if (sink === undefined) {
        sink = { stream: createWriteStream(join(dir, `${type}.ndjson`)), pending: [], pendingBytes: 0 };
        sinks.set(type, sink);
      }
      const line = `${JSON.stringify(resource)}\n`;
      sink.pending.push(line);
      sink.pendingBytes += line.length;
      bytes += line.length;
      resources++;
      byType[type] = (byType[type] ?? 0) + 1;
      if (sink.pendingBytes >= FLUSH_BYTES) await flush(sink);
    }
  }
  for (const sink of sinks.values()) {
    await flush(sink);
    sink.stream.end();
    await once(sink.stream, 'finish');
  }
  return { resources, bytes, byType };
}
