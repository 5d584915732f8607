/**
 * Measures the sandbox FHIR server on the synthetic population: load time, patient-scoped searches, and paging
 * through every Observation over real HTTP on loopback.
 *
 *   node --experimental-websocket --import tsx sandbox/fhir/measure-load.ts [--patients 10000] [--seed 42]
 *        [--anchor 2026-11-01] [--count 1000]
 *
 * Prints figures only (no patient data).
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { generatePopulation } from '../seed/population';
import { createFhirServer } from './fhir-server';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    anchor: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    count: { type: 'string', default: '1000' },
  },
});
const patients = Number(values.patients);
const pageSize = Number(values.count);

const ms = (start: number): string => `${(performance.now() - start).toFixed(0)} ms`;
const line = (label: string, value: string): void => {
  process.stdout.write(`${label.padEnd(48)} ${value}\n`);
};

let t = performance.now();
const fhir = await createFhirServer({
  baseUrl: 'http://localhost:0/fhir',
  authorize: () => Promise.resolve({ ok: true, scopes: ['user/*.rs'] }),
});
line('create server (FHIR definitions)', ms(t));

t = performance.now();
const population = generatePopulation({ seed: Number(values.seed), patients, anchor: values.anchor });
line(`generate ${patients} patients (S3)`, `${ms(t)}, ${population.resources.length} resources`);

t = performance.now();
await fhir.load(population.resources);
line('load()', ms(t));
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
line('heap after load', `${heapMb.toFixed(0)} MB`);

const server = createServer((req, res) => void fhir.handle(req, res));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
if (address === null || typeof address === 'string') throw new Error('no port');
const base = `http://127.0.0.1:${address.port}/fhir`;

const pageSchema = z.object({
  total: z.number().optional(),
  entry: z.array(z.unknown()).optional(),
  link: z.array(z.object({ relation: z.string(), url: z.string() })).optional(),
});

async function getJson(url: string): Promise<z.infer<typeof pageSchema>> {
  const response = await fetch(url, { headers: { authorization: 'Bearer measure' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} for a measurement request`);
  return pageSchema.parse(await response.json());
}

// Patient-scoped searches: the median of 50 different patients, after one warm-up.
const ids = population.resources.filter((r) => r.resourceType === 'Patient').map((r) => r.id ?? '');
const timesFor = async (query: (id: string) => string): Promise<string> => {
  await getJson(`${base}/${query(ids[0] ?? '')}`);
  const times: number[] = [];
  for (let i = 1; i <= 50; i++) {
    const id = ids[Math.floor((i * ids.length) / 51)] ?? '';
    const start = performance.now();
    await getJson(`${base}/${query(id)}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return `median ${times[25]?.toFixed(1) ?? '?'} ms, max ${times[times.length - 1]?.toFixed(1) ?? '?'} ms (50 patients)`;
};
line('GET Observation?patient=…', await timesFor((id) => `Observation?patient=${id}&_count=200`));
line(
  'GET Observation?patient=…&code=85354-9&_sort=-date',
  await timesFor((id) => `Observation?patient=${id}&code=http://loinc.org|85354-9&_sort=-date`),
);
line('GET Encounter?subject=Patient/…', await timesFor((id) => `Encounter?subject=Patient/${id}`));

// Page through everything by following next links.
const pageThrough = async (first: string): Promise<string> => {
  const start = performance.now();
  let url: string | undefined = first;
  let pages = 0;
  let seen = 0;
  let total = 0;
  while (url) {
    const page = await getJson(url.replace('http://localhost:0/fhir', base));
    total = page.total ?? total;
    seen += page.entry?.length ?? 0;
    pages++;
    url = page.link?.find((link) => link.relation === 'next')?.url;
  }
  return `${ms(start)}, ${pages} pages, ${seen}/${total} resources`;
};
line(`page all Observation (_count=${pageSize})`, await pageThrough(`${base}/Observation?_count=${pageSize}`));
line(
  `page BP panels code=85354-9 (_count=${pageSize})`,
  await pageThrough(`${base}/Observation?code=http://loinc.org|85354-9&_count=${pageSize}`),
);
line(`page all Patient (_count=${pageSize})`, await pageThrough(`${base}/Patient?_count=${pageSize}`));

for (const query of ['Patient?_sort=family,given&_count=20', 'Patient?name:contains=an&_sort=family,given&_count=20']) {
  t = performance.now();
  const first = await getJson(`${base}/${query}`);
  line(`GET ${query}`, `${ms(t)} (total ${first.total ?? '?'})`);
}

t = performance.now();
const counted = await getJson(`${base}/Observation?code=http://loinc.org|4548-4&_summary=count`);
line('GET Observation?code=4548-4&_summary=count', `${ms(t)} (total ${counted.total ?? '?'})`);

server.close();
