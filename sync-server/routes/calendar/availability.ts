import type { FastifyInstance } from 'fastify';
import { availabilityQuery } from '../../../domain/schemas/scheduling';
import { listSessions } from '../../catalog/list-sessions';
import { parseInput } from '../../http-error';

/** /api/calendar/availability: bookable sessions for other sites and services; no notes, no bookings. */
export default async function availabilityRoutes(app: FastifyInstance) {
  app.get('/availability', async (request) => {
    const window = parseInput(availabilityQuery, request.query);
    const sessions = await listSessions(app.couch, { ...window, available: true }, new Date());
    return {
      sessions: sessions.map(({ id, courseId, courseTitle, location, days, start, end, capacity, seatsLeft }) => ({
        id, courseId, courseTitle, location, days, start, end, capacity, seatsLeft,
      })),
    };
  });
}
