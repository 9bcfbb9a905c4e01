import type { KeyObject } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ROLES } from '../../domain/databases';
import type { AddressSlots } from '../feeds/address-slots';
import type { Change } from '../feeds/changes';
import { decodeCursor, encodeCursor, type EventCursor } from '../feeds/event-cursor';
import { bookingEvent, catalogEvent, type FeedEvent } from '../feeds/feed-events';
import type { SharedFeed } from '../feeds/shared-feed';
import { HttpError } from '../http-error';
import { couchCredentials, hasRole, whoIs, type SessionUser } from '../plugins/session';

const KEEP_ALIVE_MS = 15_000;
const RETRY_MS = 2_000;
/** Bytes a stream may have waiting in its socket: a client that stopped reading is cut off and resumes later. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface EventRouteOptions {
  /** Signs event ids, so an id this installation never sent is refused. */
  cursorKey: KeyObject;
  /** Open streams each client address may hold, shared with the gateway's waiting longpolls. */
  slots: AddressSlots;
}

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
 * Every stream follows the process's shared changes feeds (one upstream request per database, not
 * per stream); booking events go only to service accounts and the instructor, whose credentials
 * are checked again before each one. Each stream holds one of its client address's slots.
 */
export default async function eventRoutes(app: FastifyInstance, options: EventRouteOptions) {
  const key = options.cursorKey;
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get('/events', async (request, reply) => {
    const bookingsToo = readsBookings(request.user);
    const resumed = resumeFrom(request, key);
    const free = options.slots.take(request.ip, reply);
    let cursor: EventCursor;
    try {
      cursor = {
        catalog: resumed?.catalog ?? (await app.feeds.catalog.position()),
        bookings: resumed?.bookings ?? (bookingsToo ? await app.feeds.bookings.position() : null),
      };
    } catch (error) {
      free();
      throw error;
    }

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
      free();
      clearInterval(keepAlive);
      open.delete(close);
      out.end();
    };
    open.add(close);
    out.on('close', close);

    const send = (event: FeedEvent) => {
      out.write(`id: ${encodeCursor(cursor, key)}\nevent: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`);
      if (out.writableLength > MAX_BUFFERED_BYTES) close();
    };

    const stillReadsBookings = async () => readsBookings(await whoIs(app.couch.url, couchCredentials(request)));

    // The cursor moves only as an event is written (or a change that is no event is passed over),
    // so every id names a point where everything before it in both databases has been sent.
    const follow = async (feed: SharedFeed, key: keyof EventCursor, toEvent: (change: Change) => FeedEvent | null, allowed?: () => Promise<boolean>) => {
      for await (const change of feed.follow(cursor[key]!, stop.signal)) {
        const event = toEvent(change);
        if (event && allowed && !(await allowed())) return close();
        if (stop.signal.aborted) return;
        cursor[key] = change.seq;
        if (event) send(event);
      }
    };

    const followers = [follow(app.feeds.catalog, 'catalog', catalogEvent)];
    if (bookingsToo) followers.push(follow(app.feeds.bookings, 'bookings', bookingEvent, stillReadsBookings));
    Promise.all(followers).catch((error: unknown) => {
      if (!stop.signal.aborted) request.log.warn({ err: error }, 'event stream ended: its changes could not be read or it fell too far behind');
      close();
    });
  });
}
