/** The database could not be reached or said it is not serving: the caller should retry shortly. */
export class CouchUnavailable extends Error {
  constructor(cause?: unknown) {
    super('The database is not reachable', { cause });
  }
}

/** Socket-level failures: the database is down, restarting or cut us off mid-answer. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

// nano turns a failed fetch into a plain Error and keeps only this message.
const NANO_CONNECTION_ERROR = 'error happened in your connection';

/**
 * True for errors that mean "the database is unavailable" rather than "the request was wrong":
 * connection failures from nano or fetch, and 502/503/504 from CouchDB or a proxy in front of it.
 */
export function isCouchUnavailable(error: unknown): boolean {
  if (error instanceof CouchUnavailable) return true;
  const { statusCode, code, message, cause } = (error ?? {}) as { statusCode?: number; code?: string; message?: string; cause?: { code?: string } };
  if (statusCode === 502 || statusCode === 503 || statusCode === 504) return true;
  if (code && CONNECTION_CODES.has(code)) return true;
  if (cause?.code && CONNECTION_CODES.has(cause.code)) return true;
  return typeof message === 'string' && (message.startsWith(NANO_CONNECTION_ERROR) || message === 'fetch failed');
}
