import type { Bundle, BundleEntry, BundleLink, Resource } from '@medplum/fhirtypes';
import { isSummaryElement } from './fhir-definitions';
import type { HttpSearch } from './search-request';

const SUBSETTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' };

/**
 * Finishes a searchset for the wire: absolute `fullUrl`s; `Bundle.link` self/first/previous/next/last built from
 * `_count`/`_offset` on the public base (Medplum emits none); `total` unless `_total=none`; `_elements` and
 * `_summary` applied to the matches (marked SUBSETTED); and an OperationOutcome entry naming ignored parameters.
 */
export function finishSearchBundle(bundle: Bundle, search: HttpSearch, baseUrl: string, resourceType: string): Bundle {
  const total = bundle.total ?? 0;
  const entry: BundleEntry[] = (bundle.entry ?? []).map((item) => {
    const resource = item.resource;
    if (!resource?.id) return item;
    const shaped = item.search?.mode === 'match' ? subset(resource, search) : resource;
    return { fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`, ...item, resource: shaped };
  });
  if (search.ignored.length > 0) {
    entry.push({
      search: { mode: 'outcome' },
      resource: {
        resourceType: 'OperationOutcome',
        issue: search.ignored.map((name) => ({
          severity: 'warning',
          code: 'not-supported',
          details: { text: `Unknown search parameter ${name} was ignored` },
        })),
      },
    });
  }
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(search.total === 'none' ? {} : { total }),
    link: pagingLinks(search, total, `${baseUrl}/${resourceType}`),
    ...(entry.length > 0 ? { entry } : {}),
  };
}

function pagingLinks(search: HttpSearch, total: number, typeUrl: string): BundleLink[] {
  const { count, offset } = search;
  const url = (at: number): string => {
    const query = new URLSearchParams(search.used.map(([key, value]) => [key, value]));
    query.set('_count', String(count));
    query.set('_offset', String(at));
    return `${typeUrl}?${query.toString()}`;
  };
  const links: BundleLink[] = [{ relation: 'self', url: url(offset) }];
  if (count === 0) return links;
  links.push({ relation: 'first', url: url(0) });
  if (offset > 0) links.push({ relation: 'previous', url: url(Math.max(0, offset - count)) });
  if (offset + count < total) links.push({ relation: 'next', url: url(offset + count) });
  if (total > 0) links.push({ relation: 'last', url: url(Math.floor((total - 1) / count) * count) });
  return links;
}

/** Applies `_elements` or `_summary` (true, text, data) to one match; other resources pass unchanged. */
function subset(resource: Resource, search: HttpSearch): Resource {
  const elements = search.elements;
  let keep: ((key: string) => boolean) | undefined;
  if (elements && elements.length > 0) {
    keep = (key) =>
      key === 'resourceType' || key === 'id' || key === 'meta' || elements.some((name) => isElement(key, name));
  } else if (search.summary === 'true') {
    keep = (key) => isSummaryElement(resource.resourceType, key);
  } else if (search.summary === 'text') {
    keep = (key) => key === 'resourceType' || key === 'id' || key === 'meta' || key === 'text';
  } else if (search.summary === 'data') {
    keep = (key) => key !== 'text';
  }
  if (!keep) return resource;
  const tags = [...(resource.meta?.tag ?? []), SUBSETTED];
  // Left-out elements become undefined, which JSON leaves out: the copy stays typed as the resource it came from.
  const removed = Object.fromEntries(
    Object.keys(resource)
      .filter((key) => !keep(key))
      .map((key) => [key, undefined]),
  );
  return { ...resource, ...removed, meta: { ...resource.meta, tag: tags } };
}

/** `_elements=value` also keeps `valueQuantity` and the other choices of `value[x]`. */
function isElement(key: string, name: string): boolean {
  return key === name || (key.startsWith(name) && /^[A-Z]/.test(key.slice(name.length)));
}
