import type { FastifyInstance } from 'fastify';
import type { ListCursors } from '../../lists/cursor';
import availabilityRoutes from './availability';
import calendarFeedRoutes from './feeds';

/** Everything calendar-shaped: /api/calendar/availability, /api/calendar.ics and the private feeds under /api/calendar/. */
export default async function calendarRoutes(app: FastifyInstance, options: { cursors: ListCursors }) {
  await app.register(availabilityRoutes, { prefix: '/calendar', cursors: options.cursors });
  await app.register(calendarFeedRoutes);
}
