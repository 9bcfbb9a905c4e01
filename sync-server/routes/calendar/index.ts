import type { FastifyInstance } from 'fastify';
import availabilityRoutes from './availability';
import calendarFeedRoutes from './feeds';

/** Everything calendar-shaped: /api/calendar/availability, /api/calendar.ics and the private feeds under /api/calendar/. */
export default async function calendarRoutes(app: FastifyInstance) {
  await app.register(availabilityRoutes, { prefix: '/calendar' });
  await app.register(calendarFeedRoutes);
}
