import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../../domain/databases';
import { resolveWindow } from '../../../domain/schemas/lists';
import { createSessionRequest, sessionsQuery, updateSessionRequest } from '../../../domain/schemas/scheduling';
import { sessionSummary } from '../../../domain/session-summary';
import { cancelSession, cancellationImpact } from '../../catalog/cancel-session';
import { getSession, type ScheduleContext } from '../../catalog/catalog-db';
import { createSessions } from '../../catalog/create-sessions';
import { sessionNotFound } from '../../catalog/errors';
import { sessionsInWindow } from '../../catalog/list-sessions';
import { updateSession } from '../../catalog/update-session';
import { parseInput } from '../../http-error';
import type { ListCursors } from '../../lists/cursor';
import { sendPage } from '../../lists/send-page';
import { requireRole } from '../../plugins/session';

type WithId = { Params: { id: string } };

/** /api/courses/sessions: public reads; the instructor schedules, moves and cancels. */
export default async function sessionRoutes(app: FastifyInstance, options: { travelBufferMinutes: number; horizonYears?: number; cursors: ListCursors }) {
  const instructorOnly = { preHandler: requireRole(ROLES.instructor) };
  const ctx: ScheduleContext = { couch: app.couch, travelBufferMinutes: options.travelBufferMinutes, now: () => new Date(), horizonYears: options.horizonYears };

  const readSession = async (id: string) => {
    const session = await getSession(app.couch, id);
    if (!session) throw sessionNotFound();
    return session;
  };

  app.get('/', async (request, reply) => {
    const { limit, cursor, from, to, ...filters } = parseInput(sessionsQuery, request.query);
    const now = ctx.now();
    const page = await options.cursors.page(
      { list: 'sessions', filters: { from, to, ...filters }, caller: null, cursor },
      limit,
      () => resolveWindow({ from, to }, now),
      (window) => sessionsInWindow(app.couch, filters, window, now),
    );
    return sendPage(request, reply, { sessions: page.items, ...page.scope, next: page.next });
  });

  app.get<WithId>('/:id', async (request) => ({ session: sessionSummary(await readSession(request.params.id)) }));

  app.get<WithId>('/:id/cancellation', instructorOnly, async (request) => cancellationImpact(await readSession(request.params.id)));

  app.post('/', instructorOnly, async (request, reply) => {
    const sessions = await createSessions(ctx, parseInput(createSessionRequest, request.body));
    return reply.status(201).send({ sessions: sessions.map(sessionSummary) });
  });

  app.put<WithId>('/:id', instructorOnly, async (request) => {
    const session = await updateSession(ctx, request.params.id, parseInput(updateSessionRequest, request.body));
    return { session: sessionSummary(session) };
  });

  app.delete<WithId>('/:id', instructorOnly, async (request) => {
    const { session, cancelled } = await cancelSession(ctx, request.params.id);
    return { session: sessionSummary(session), cancelled };
  });
}
