import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { DB, ROLES } from '../../../domain/databases';
import type { SessionDoc } from '../../../domain/schemas/catalog';
import { MAX_SESSION_SPAN_DAYS } from '../../../domain/schemas/scheduling';
import { bookingsOfOwner } from '../../bookings/read-bookings';
import { calendarTokenOwner, issueCalendarToken, revokeCalendarToken } from '../../calendar/calendar-tokens';
import { icsCalendar, type CalendarEvent } from '../../calendar/ics';
import { bookingEvents, publicSessionEvents } from '../../calendar/session-events';
import { HttpError } from '../../http-error';
import { requireRole } from '../../plugins/session';

/** The view keys sessions by their first day: look back by the longest span to catch one still running. */
const LOOKBACK_MS = MAX_SESSION_SPAN_DAYS * 24 * 3600_000;
const MAX_SESSIONS = 1000;

const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

const unknownFeed = () => new HttpError(404, 'not_found', 'There is no calendar at this address; it may have been revoked.');

const lastEnd = (session: SessionDoc): string => session.days[session.days.length - 1]!.end;

function sendCalendar(reply: FastifyReply, body: string, cacheControl: string) {
  return reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', 'inline; filename="calendar.ics"')
    .header('cache-control', cacheControl)
    .send(body);
}

/** GET /api/calendar.ics (public) and the private per-customer feeds. */
export default async function calendarFeedRoutes(app: FastifyInstance) {
  const catalog = app.couch.sync.use<SessionDoc>(DB.catalog);

  async function upcomingSessions(now: Date): Promise<SessionDoc[]> {
    const result = await catalog.view('catalog', 'sessions_by_start', {
      startkey: [new Date(now.getTime() - LOOKBACK_MS).toISOString()],
      include_docs: true,
      limit: MAX_SESSIONS,
    });
    return result.rows
      .map((row) => row.doc as SessionDoc)
      .filter((session) => session.status === 'scheduled' && Date.parse(lastEnd(session)) > now.getTime());
  }

  async function customerEvents(owner: string): Promise<CalendarEvent[]> {
    const bookings = (await bookingsOfOwner({ couch: app.couch }, owner)).filter((b) => b.status === 'confirmed' || b.status === 'pending');
    if (!bookings.length) return [];
    const fetched = await catalog.fetch({ keys: [...new Set(bookings.map((b) => b.sessionId))] });
    const sessions = new Map<string, SessionDoc>();
    for (const row of fetched.rows) {
      if ('doc' in row && row.doc && row.doc.status !== 'cancelled') sessions.set(row.id, row.doc);
    }
    return bookings.flatMap((booking) => {
      const session = sessions.get(booking.sessionId);
      return session ? bookingEvents(session, booking) : [];
    });
  }

  app.get('/calendar.ics', async (_request, reply) => {
    const now = new Date();
    const events = (await upcomingSessions(now)).flatMap(publicSessionEvents);
    return sendCalendar(reply, icsCalendar({ name: 'React Fast Training courses', events, now }), 'public, max-age=300');
  });

  app.post('/calendar/token', { preHandler: requireRole(ROLES.customer) }, async (request, reply) => {
    const token = await issueCalendarToken(app.couch.sync, request.user!.name);
    const path = `/api/calendar/${token}.ics`;
    return reply.status(201).send({ url: `${request.protocol}://${request.host}${path}`, path });
  });

  app.delete('/calendar/token', { preHandler: requireRole(ROLES.customer) }, async (request, reply) => {
    const revoked = await revokeCalendarToken(app.couch.sync, request.user!.name);
    if (!revoked) throw new HttpError(404, 'not_found', 'You have no calendar feed to revoke.');
    return reply.status(204).send();
  });

  app.get('/calendar/:token.ics', async (request, reply) => {
    const params = tokenParams.safeParse(request.params);
    if (!params.success) throw unknownFeed();
    const owner = await calendarTokenOwner(app.couch.sync, params.data.token);
    if (!owner) throw unknownFeed();
    const events = await customerEvents(owner);
    return sendCalendar(reply, icsCalendar({ name: 'My React Fast Training courses', events, now: new Date() }), 'private, max-age=300');
  });
}
