import type { KeyObject } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DB, ROLES } from '../../domain/databases';
import { currentSeq, followChanges, type Change } from '../feeds/changes';
import { decodeCursor, encodeCursor, type EventCursor } from '../feeds/event-cursor';
import { bookingEvent, catalogEvent, type FeedEvent } from '../feeds/feed-events';
import { HttpError } from '../http-error';
import { couchCredentials, hasRole, whoIs, type SessionUser } from '../plugins/session';

const KEEP_ALIVE_MS = 15_000;
const RETRY_MS = 2_000;

const readsBookings = (user: SessionUser | null): boolean => hasRole(user, ROLES.service) || hasRole(user, ROLES.instructor);

const invalidEventId = () =>
  new HttpError(400, 'invalid_event_id', 'Last-Event-ID is not an id this stream sent. Reconnect without it to start from now.');

/** The id to resume after: the Last-Event-ID header, or `lastEventId` in the query for clients that cannot set headers. */
function resumeFrom(request: FastifyRequest, key: KeyObject): EventCursor | null {
  const raw = request.headers['last-event-id'] ?? (request.query as { lastEventId?: string }).lastEventId;
  if (raw === undefined || raw === '') return null;
  const cursor = decodeCursor(String(raw), key);
  if (!cursor) throw invalidEventId();
  return cursor;
}

/**
 * GET /api/events: the seed's named events as server-sent events. Each event's id is the position
 * in both databases' changes feeds after it, so Last-Event-ID resumes with no gap and no repeat.
 * Each stream follows CouchDB's `_changes` as the sync-server's account; booking events go only to
 * service accounts and the instructor, whose credentials are checked again before each one.
 */
export default async function eventRoutes(app: FastifyInstance, options: { cursorKey: KeyObject }) {
  const key = options.cursorKey;
  const sync = app.couch.sync;
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get('/events', async (request, reply) => {
    const bookingsToo = readsBookings(request.user);
    const resumed = resumeFrom(request, key);
    const cursor: EventCursor = {
      catalog: resumed?.catalog ?? (await currentSeq(sync, DB.catalog)),
      bookings: resumed?.bookings ?? (bookingsToo ? await currentSeq(sync, DB.bookings) : null),
    };

    reply.hijack();
    const out = reply.raw;
    // A hijacked reply skips Fastify's header writing: pass on what hooks set (the security headers).
    out.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // An id with no data dispatches nothing but gives the client a position to resume from.
    out.write(`retry: ${RETRY_MS}\nid: ${encodeCursor(cursor, key)}\n\n`);

    const stop = new AbortController();
    const keepAlive = setInterval(() => out.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    const close = () => {
      if (stop.signal.aborted) return;
      stop.abort();
      clearInterval(keepAlive);
      open.delete(close);
      out.end();
    };
    open.add(close);
    out.on('close', close);

    const send = (event: FeedEvent) =>
      out.write(`id: ${encodeCursor(cursor, key)}\nevent: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`);

    const stillReadsBookings = async () => readsBookings(await whoIs(app.couch.url, couchCredentials(request)));

    // The cursor moves only as an event is written (or a change that is no event is passed over),
    // so every id names a point where everything before it in both databases has been sent.
    const follow = async (db: string, key: keyof EventCursor, toEvent: (change: Change) => FeedEvent | null, allowed?: () => Promise<boolean>) => {
      for await (const change of followChanges(sync, db, cursor[key]!, stop.signal)) {
        const event = toEvent(change);
        if (event && allowed && !(await allowed())) return close();
        if (stop.signal.aborted) return;
        cursor[key] = change.seq;
        if (event) send(event);
      }
    };

    const followers = [follow(DB.catalog, 'catalog', catalogEvent)];
    if (bookingsToo) followers.push(follow(DB.bookings, 'bookings', bookingEvent, stillReadsBookings));
    Promise.all(followers).catch((error: unknown) => {
      if (!stop.signal.aborted) request.log.warn({ err: error }, 'event stream ended: changes feed failed');
      close();
    });
  });
}
