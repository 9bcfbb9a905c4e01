import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { CouchUnavailable } from '../../couch/unavailable';
import { designFilterNames } from '../../design-docs/compile';
import { judgeDbRequest, type ProxyVerdict } from '../db-proxy/allowlist';
import { HttpError } from '../http-error';
import { couchCredentials } from '../plugins/session';

const REPLICATION_BODY_LIMIT = 16 * 1024 * 1024;

const refusals: Record<Exclude<ProxyVerdict, 'ok'>, HttpError> = {
  unknown_database: new HttpError(404, 'not_found', 'There is no such database.'),
  endpoint_not_allowed: new HttpError(403, 'endpoint_not_allowed', 'Only the replication endpoints of this database are available here.'),
  filter_not_allowed: new HttpError(403, 'filter_not_allowed', 'That changes filter is not offered; use one of the documented design-doc filters.'),
  login_required: new HttpError(401, 'unauthorized', 'Please log in to read this database.'),
  not_a_reader: new HttpError(403, 'forbidden', 'Your account may not read this database.'),
};

/** Hop-by-hop headers describe CouchDB's connection to us, not ours to the client. */
function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}

function withoutCredentials(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { cookie: _cookie, authorization: _authorization, host: _host, ...rest } = headers;
  return rest;
}

function splitPath(request: FastifyRequest): { db: string; rest: string[]; search: string } {
  const [path = '', search = ''] = request.url.slice('/db/'.length).split(/\?(.*)/s);
  const [db = '', ...rest] = path.split('/');
  return { db, rest, search: search ? `?${search}` : '' };
}

/** /db/* — a reverse proxy to CouchDB for PouchDB replication, with an allowlist. */
export default async function dbProxy(app: FastifyInstance) {
  const filters = designFilterNames();
  await app.register(replyFrom, {
    base: app.couch.url,
    undici: { bodyTimeout: 0, headersTimeout: 120_000 },
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.all('/*', { bodyLimit: REPLICATION_BODY_LIMIT }, (request, reply) => {
    const { db, rest, search } = splitPath(request);
    // PouchDB reads the server root for its uuid, which names replication checkpoints.
    if (db === '' && rest.length === 0 && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.from('/', { rewriteHeaders: withoutHopByHop, rewriteRequestHeaders: (_original, headers) => withoutCredentials(headers) });
    }
    const filter = (request.query as Record<string, string | undefined>).filter;
    const verdict = judgeDbRequest({ method: request.method, db, rest, filter, user: request.user }, filters);
    if (verdict !== 'ok') throw refusals[verdict];
    return reply.from(`/${[db, ...rest].join('/')}${search}`, {
      rewriteHeaders: withoutHopByHop,
      rewriteRequestHeaders: (_original, headers) => ({ ...withoutCredentials(headers), ...couchCredentials(request) }),
      onError: (proxyReply, { error }) => {
        request.log.warn({ err: error }, 'proxy to CouchDB failed');
        return proxyReply.send(new CouchUnavailable(error));
      },
    });
  });
}
