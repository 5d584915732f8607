import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  'If-Match',
  'If-None-Match',
  'If-None-Exist',
  'If-Modified-Since',
  'Prefer',
];
const EXPOSED_HEADERS = 'ETag, Location, Content-Location, Last-Modified, Retry-After, WWW-Authenticate';

/**
 * Adds CORS headers for a browser app on another origin (the app runs on :5173, the EHR on :8080). Any origin is
 * accepted, as befits a local sandbox, but it is reflected rather than `*` and marked `Vary: Origin` so caches keep
 * answers for different origins apart. Tokens travel in the Authorization header, never in cookies, so credentials
 * mode is not needed.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  if (origin === undefined) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

/** Answers a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`), with no token needed. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  applyCors(req, res);
  res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
  res.setHeader('Access-Control-Allow-Headers', allowedHeaders(req.headers['access-control-request-headers']));
  res.setHeader('Access-Control-Max-Age', '600');
  res.setHeader('Allow', ALLOWED_METHODS);
  res.statusCode = 204;
  res.end();
}

/** The fixed list, plus any requested header that only differs in case (browsers send lower case). */
function allowedHeaders(requested: string | undefined): string {
  const known = new Set(ALLOWED_HEADERS.map((header) => header.toLowerCase()));
  const extra = (requested ?? '')
    .split(',')
    .map((header) => header.trim())
    .filter((header) => header !== '' && !known.has(header.toLowerCase()) && isSafeExtra(header));
  return [...ALLOWED_HEADERS, ...extra].join(', ');
}

/** fhirclient and common HTTP libraries add these; allowing them costs nothing. */
function isSafeExtra(header: string): boolean {
  return /^(x-requested-with|cache-control|pragma|x-request-id)$/i.test(header);
}
