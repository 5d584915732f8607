import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LaunchStore } from '../auth/launch-store';
import { SANDBOX_QUALITY_LEAD } from '../auth/sandbox-users';
import { handleEhrLaunch } from './ehr-launch';
import { renderLaunchPage } from './launch-page';
import type { PopulationInfo } from './launch-page';
import type { PatientDirectory } from './patient-directory';
import { sendHtml } from './respond';

export interface EhrRoutesOptions {
  readonly launches: LaunchStore;
  readonly directory: PatientDirectory;
  readonly appUrl: string;
  readonly fhirBaseUrl: string;
  readonly population: PopulationInfo;
}

const PAGE_SIZE = 25;

/** `GET /` (the launch page) and `GET /ehr/launch`; returns false for any other request. */
export type EhrRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

async function practitionerNames(
  directory: PatientDirectory,
  references: Iterable<string>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(references)].map(async (reference) => {
      const name = await directory.practitionerName(reference);
      if (name !== undefined) names.set(reference, name);
    }),
  );
  return names;
}

/** The EHR side of the sandbox: its home page and its launch URLs. */
export function createEhrRoutes(options: EhrRoutesOptions): EhrRoutes {
  const { directory } = options;
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === '/ehr/launch') {
      await handleEhrLaunch(res, url, options);
      return true;
    }
    if (url.pathname !== '/' && url.pathname !== '/index.html') return false;
    const query = url.searchParams.get('q') ?? '';
    const offset = Math.max(0, Number.parseInt(url.searchParams.get('offset') ?? '0', 10) || 0);
    const page = await directory.search({ text: query, offset, count: PAGE_SIZE });
    const featured = (
      await Promise.all(
        options.population.featured.map(async ({ patientId, reason }) => {
          const row = await directory.get(patientId);
          return row ? [{ row, reason }] : [];
        }),
      )
    ).flat();
    const references = page.patients.flatMap((p) => (p.practitioner ? [p.practitioner.reference] : []));
    const html = renderLaunchPage({
      page,
      practitionerNames: await practitionerNames(directory, references),
      query,
      offset,
      count: PAGE_SIZE,
      population: options.population,
      fhirBaseUrl: options.fhirBaseUrl,
      appUrl: options.appUrl,
      qualityLeadName: (await directory.practitionerName(SANDBOX_QUALITY_LEAD)) ?? 'the quality lead',
      featured,
    });
    sendHtml(res, 200, html);
    return true;
  };
}
