import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationOutcome } from '@medplum/fhirtypes';

/** The FHIR JSON media type, with its charset as the specification recommends. */
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** An error that carries its own HTTP status (for statuses Medplum's outcome ids cannot express, such as 405). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly outcome: OperationOutcome,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(outcome.issue[0]?.details?.text ?? `HTTP ${status}`);
  }
}

/** An OperationOutcome with one issue. */
export function outcome(
  code: OperationOutcome['issue'][number]['code'],
  text: string,
  severity: 'error' | 'warning' | 'information' = 'error',
): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, details: { text } }] };
}

/** A 405 naming the methods the URL does allow. */
export function notAllowed(allow: string, text = 'This interaction is not supported here'): HttpProblem {
  return new HttpProblem(405, outcome('not-supported', text), { Allow: allow });
}

/** Reads a request body as text, refusing (413) more than `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) {
      throw new HttpProblem(413, outcome('too-costly', `The request body is larger than ${maxBytes} bytes`));
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON request body; malformed JSON is a 400 with an OperationOutcome. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : 'unreadable';
    throw new HttpProblem(400, outcome('structure', `The body is not valid JSON: ${detail}`));
  }
}

/** Sends a FHIR JSON body (or none for 204/304 or `body` undefined) with the given status and headers. */
export function sendFhir(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (body === undefined || status === 204 || status === 304) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.setHeader('Content-Type', FHIR_JSON);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** RFC 7231 date for Last-Modified, from a FHIR instant. */
export function httpDate(instant: string | undefined): string | undefined {
  if (!instant) return undefined;
  const time = Date.parse(instant);
  return Number.isNaN(time) ? undefined : new Date(time).toUTCString();
}

/** The version in an `If-Match` / `If-None-Match` header: `W/"3"`, `"3"` or `3` → `3`. */
export function versionFromETag(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const match = /^(?:W\/)?"?([^"]*)"?$/.exec(value.trim());
  return match?.[1] || undefined;
}
