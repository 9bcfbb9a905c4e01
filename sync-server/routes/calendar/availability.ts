import type { FastifyInstance } from 'fastify';
import { resolveWindow } from '../../../domain/schemas/lists';
import { availabilityQuery } from '../../../domain/schemas/scheduling';
import { sessionsInWindow } from '../../catalog/list-sessions';
import { parseInput } from '../../http-error';
import type { ListCursors } from '../../lists/cursor';
import { sendPage } from '../../lists/send-page';

/** /api/calendar/availability: bookable sessions for other sites and services; no notes, no bookings. */
export default async function availabilityRoutes(app: FastifyInstance, options: { cursors: ListCursors }) {
  app.get('/availability', async (request, reply) => {
    const { limit, cursor, from, to } = parseInput(availabilityQuery, request.query);
    const now = new Date();
    const page = await options.cursors.page(
      { list: 'availability', filters: { from, to }, caller: null, cursor },
      limit,
      () => resolveWindow({ from, to }, now),
      (window) => sessionsInWindow(app.couch, { available: true }, window, now),
    );
    return sendPage(request, reply, {
      sessions: page.items.map(({ id, courseId, courseTitle, location, days, start, end, capacity, seatsLeft }) => ({
        id, courseId, courseTitle, location, days, start, end, capacity, seatsLeft,
      })),
      ...page.scope,
      next: page.next,
    });
  });
}
