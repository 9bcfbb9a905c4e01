import replyFrom, { type FastifyReplyFromHooks } from '@fastify/reply-from';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { CouchUnavailable } from '../../couch/client/unavailable';
import { designFilterNames } from '../../design-docs/compile';
import { admitDbRequest, judgeDbRequest } from '../db-proxy/allowlist';
import { openRevsMultipart, type OpenRevsResult } from '../db-proxy/multipart';
import type { ParsedRequest } from '../db-proxy/operations';
import { sharedLongpoll, sharesCatalogFeed } from '../db-proxy/shared-longpoll';
import { askCouch, bulkGetLatest, openRevisions, type CouchAnswer } from '../db-proxy/revisions';
import { toQueryString } from '../db-proxy/wire';
import type { AddressSlots } from '../feeds/address-slots';
import { couchCredentials } from '../plugins/session';

const REPLICATION_BODY_LIMIT = 16 * 1024 * 1024;

const isServerRoot = (db: string, rest: string[], method: string): boolean =>
  db === '' && rest.length === 0 && (method === 'GET' || method === 'HEAD');

/**
 * Headers of CouchDB's answer the caller never sees: hop-by-hop ones describe CouchDB's connection
 * to us, and CORS would let other sites read a signed-in user's data (the PWA is same-origin).
 */
function withoutHopByHopAndCors(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'connection' || name === 'keep-alive' || name.startsWith('access-control-')) continue;
    kept[name] = value;
  }
  return kept;
}

/** Only what the database needs to hear: who the caller is, that we want JSON, and the rebuilt body's type and length. */
const requestHeaders = (request: FastifyRequest, original: IncomingHttpHeaders): IncomingHttpHeaders => ({
  host: original.host,
  accept: 'application/json',
  ...(original['content-type'] && { 'content-type': original['content-type'] }),
  ...(original['content-length'] !== undefined && { 'content-length': original['content-length'] }),
  ...couchCredentials(request),
});

function splitPath(request: FastifyRequest): { db: string; rest: string[] } {
  const path = request.url.slice('/db/'.length).split('?')[0] ?? '';
  const [db = '', ...rest] = path.split('/');
  return { db, rest };
}

/** Aborts when the caller hangs up, so a longpoll it left stops waiting. */
function untilClosed(reply: FastifyReply): AbortSignal {
  const closed = new AbortController();
  reply.raw.once('close', () => closed.abort());
  return closed.signal;
}

/** A `_changes` request that waits for the next change, however long that takes (the embedded server ignores `timeout`). */
const waitsForChanges = (parsed: ParsedRequest): boolean =>
  parsed.path.endsWith('/_changes') && (parsed.query.feed === 'longpoll' || parsed.query.feed === 'continuous');

/**
 * @fastify/reply-from refuses a path with a segment that, decoded, starts or ends with `..` (its
 * path-traversal guard). PouchDB names about one replication checkpoint in 4,096 `_local/..…`
 * (base64 with `/` written as `.`): such a device could never save how far it got. The allowlist
 * has already rebuilt these paths from one document id, so the gateway sends them itself.
 */
const refusedByProxyGuard = (path: string): boolean => {
  const decoded = decodeURIComponent(path);
  return decoded.includes('/..') || decoded.includes('../');
};

const wantsMultipart = (request: FastifyRequest): boolean => /multipart\/mixed/i.test(request.headers.accept ?? '');

function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: CouchAnswer, parsed: ParsedRequest) {
  if (parsed.handler === 'open-revs' && answer.status === 200 && wantsMultipart(request)) {
    const { contentType, body } = openRevsMultipart(answer.body as OpenRevsResult[]);
    return reply.status(200).type(contentType).send(body);
  }
  return reply.status(answer.status).type('application/json').send(JSON.stringify(answer.body));
}

/**
 * /db/* — the gateway to CouchDB for replication. Each request is judged and parsed by the
 * allowlist; only the request rebuilt from parsed values is forwarded, with the caller's credentials.
 */
export default async function dbProxy(app: FastifyInstance, options: { slots: AddressSlots }) {
  const filters = designFilterNames();
  await app.register(replyFrom, {
    base: app.couch.url,
    undici: { bodyTimeout: 0, headersTimeout: 120_000 },
  });
  // Closing waits for every request in flight, and a feed waiting for a change may never answer:
  // cut the open feeds, as a restarting CouchDB would; their clients reconnect and resume from their checkpoints.
  const openFeeds = new Set<FastifyReply>();
  app.addHook('preClose', async () => {
    for (const reply of openFeeds) reply.raw.destroy();
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const onError =
    (request: FastifyRequest): NonNullable<FastifyReplyFromHooks['onError']> =>
    (proxyReply, { error }) => {
      request.log.warn({ err: error }, 'proxy to CouchDB failed');
      proxyReply.send(new CouchUnavailable(error));
    };

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
    return reply.status(413).send({ error: 'payload_too_large', message: `The request body is too large (the limit here is ${REPLICATION_BODY_LIMIT / 1024 / 1024} MiB).` });
  });

  // Refuses callers before their body is read, so an anonymous upload costs nothing.
  const admitBeforeBody = async (request: FastifyRequest) => {
    const { db, rest } = splitPath(request);
    if (!isServerRoot(db, rest, request.method)) admitDbRequest({ method: request.method, db, rest, user: request.user });
  };

  app.all('/*', { bodyLimit: REPLICATION_BODY_LIMIT, preParsing: admitBeforeBody }, async (request, reply) => {
    const { db, rest } = splitPath(request);
    // PouchDB reads the server root for its uuid, which names replication checkpoints.
    if (isServerRoot(db, rest, request.method)) {
      return reply.from('/', {
        queryString: () => '',
        rewriteHeaders: withoutHopByHopAndCors,
        rewriteRequestHeaders: (_request, headers) => ({ host: headers.host, accept: 'application/json' }),
        onError: onError(request),
      });
    }
    const body = Buffer.isBuffer(request.body) ? request.body : undefined;
    const parsed = judgeDbRequest({ method: request.method, db, rest, query: request.query, body, user: request.user }, filters);
    if (waitsForChanges(parsed)) {
      openFeeds.add(reply);
      reply.raw.once('close', () => openFeeds.delete(reply));
    }
    if (sharesCatalogFeed(db, parsed)) {
      const free = options.slots.take(request.ip, reply);
      const answer = await sharedLongpoll(app.feeds.catalog, parsed.query, untilClosed(reply)).finally(free);
      if (answer) return reply.type('application/json').send(JSON.stringify(answer));
    }
    const credentials = couchCredentials(request);
    if (parsed.handler === 'open-revs') return sendAnswer(request, reply, await openRevisions(app.couch.url, db, parsed, credentials), parsed);
    if (parsed.handler === 'bulk-get') return sendAnswer(request, reply, await bulkGetLatest(app.couch.url, db, parsed, credentials), parsed);
    if (refusedByProxyGuard(parsed.path)) {
      const url = `${app.couch.url}${parsed.path}${toQueryString(parsed.query)}`;
      return sendAnswer(request, reply, await askCouch(url, credentials, parsed.body, parsed.method), parsed);
    }
    const forwarded = parsed.body === undefined ? null : JSON.stringify(parsed.body);
    return reply.from(parsed.path, {
      method: parsed.method,
      queryString: () => toQueryString(parsed.query).slice(1),
      ...(forwarded === null ? { body: null } : { body: forwarded, contentType: 'application/json' }),
      rewriteHeaders: withoutHopByHopAndCors,
      rewriteRequestHeaders: (_request, headers) => requestHeaders(request, headers),
      onError: onError(request),
    });
  });
}
