import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { BusyError } from '../../couch/client/conditional-write';
import { isCouchUnavailable } from '../../couch/client/unavailable';
import { HttpError } from '../http-error';

const fastifyErrors: Record<string, [string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid_json', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_json', 'The request body is empty but says it is JSON.'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The request body is too large (the limit is 64 KiB).'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Send the request body as application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['invalid_request', 'The Content-Length header does not match the body.'],
};

/** Seconds a client should wait before retrying a 503: the embedded server restarts in about one. */
export const RETRY_AFTER_SECONDS = 2;

function toReply(error: FastifyError): { status: number; body: Record<string, unknown>; retryAfter?: number } {
  if (error instanceof HttpError) {
    return { status: error.statusCode, body: { error: error.code, message: error.message, ...error.details } };
  }
  if (error instanceof BusyError) {
    return { status: 503, body: { error: 'busy', message: 'Many people are booking right now. Nothing was saved; please try again.' }, retryAfter: 1 };
  }
  if (isCouchUnavailable(error)) {
    const message = 'The database is not reachable right now. Please try again in a few seconds.';
    return { status: 503, body: { error: 'unavailable', message }, retryAfter: RETRY_AFTER_SECONDS };
  }
  const known = error.code ? fastifyErrors[error.code] : undefined;
  if (known) return { status: error.statusCode ?? 400, body: { error: known[0], message: known[1] } };
  if (error.statusCode === 429) return { status: 429, body: { error: 'rate_limited', message: error.message } };
  if (error.statusCode && error.statusCode < 500) {
    return { status: error.statusCode, body: { error: 'bad_request', message: error.message } };
  }
  return { status: 500, body: { error: 'internal_error', message: 'Something went wrong on our side. Please try again.' } };
}

/** Every error is JSON `{error, message}`; never a stack trace. */
export default fp(async function errors(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body, retryAfter } = toReply(error);
    if (status === 503) request.log.warn({ err: error }, 'request refused: unavailable');
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (retryAfter) reply.header('retry-after', String(retryAfter));
    return reply.status(status).send(body);
  });
});

export const sendNotFound = (request: FastifyRequest, reply: FastifyReply) =>
  reply.status(404).send({ error: 'not_found', message: `There is nothing at ${request.method} ${request.url.split('?')[0]}.` });
