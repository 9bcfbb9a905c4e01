/**
 * The sync-server's error body: a stable code for programs and a message for people; refusals add
 * details. A plain check, not zod: the header's account menu needs this module for the first paint.
 */
const isErrorBody = (json: unknown): json is Record<string, unknown> & { error: string; message: string } =>
  typeof json === 'object' && json !== null && typeof (json as { error?: unknown }).error === 'string' && typeof (json as { message?: unknown }).message === 'string';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error body, for refusals that carry more than a message (e.g. nextSessions). */
    readonly body: Record<string, unknown> = {},
    /** From Retry-After on a 503: when trying again has a chance. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const NETWORK_ERROR_MESSAGE = 'Could not reach the server. Check your connection and try again.';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

/** How often a read is sent again by itself while the server says its database is unavailable (503). */
const UNAVAILABLE_RETRIES = 2;
const MAX_RETRY_AFTER_MS = 5_000;

const retryAfterMs = (response: Response): number | undefined => {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : undefined;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls the same-origin JSON API. Resolves to the parsed body (undefined for 204);
 * rejects with an ApiError that carries the server's own message. A 503 with Retry-After (the
 * database restarting) is retried by itself a couple of times when that is safe: reads, and
 * writes that carry an Idempotency-Key.
 */
export const apiRequest = async (path: string, { method = 'GET', body, headers = {} }: RequestOptions = {}): Promise<unknown> => {
  const safeToRepeat = method === 'GET' || 'Idempotency-Key' in headers;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE);
    }
    const wait = response.status === 503 ? retryAfterMs(response) : undefined;
    if (wait !== undefined && safeToRepeat && attempt < UNAVAILABLE_RETRIES) {
      await pause(wait);
      continue;
    }
    if (response.status === 204) return undefined;
    const json: unknown = await response.json().catch(() => undefined);
    if (response.ok) return json;
    if (isErrorBody(json)) throw new ApiError(response.status, json.error, json.message, json, wait);
    throw new ApiError(response.status, 'http_error', `The server answered ${response.status}. Please try again.`, {}, wait);
  }
};
