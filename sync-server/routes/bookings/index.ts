import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../../domain/databases';
import { bookingRequest, bookingsQuery, idempotencyKey, toPublicBooking } from '../../../domain/schemas/booking';
import { resolveWindow } from '../../../domain/schemas/lists';
import type { ContactNames } from '../../accounts/contact-names';
import { cancelBooking } from '../../bookings/cancel-booking';
import { NextSessions } from '../../bookings/next-sessions';
import { IdempotencyKeyReused, placeBooking } from '../../bookings/place-booking';
import { bookingsList, findBooking } from '../../bookings/read-bookings';
import { HttpError, parseInput } from '../../http-error';
import type { ListCursors } from '../../lists/cursor';
import { sendPage } from '../../lists/send-page';
import { hasRole, requireUser, type SessionUser } from '../../plugins/session';
import { cancelRefusal, placeRefusal } from './refusals';

const idParams = z.object({ id: z.string().min(1) });

const notFound = () => new HttpError(404, 'not_found', 'There is no such booking.');

async function requireBooker(request: FastifyRequest): Promise<void> {
  await requireUser(request);
  if (!hasRole(request.user, ROLES.customer) && !hasRole(request.user, ROLES.instructor)) {
    throw new HttpError(403, 'forbidden', 'Only customers and the instructor can book.');
  }
}

export default async function bookingRoutes(app: FastifyInstance, options: { cursors: ListCursors; names: ContactNames }) {
  const deps = app.bookingDeps;
  const nextSessions = new NextSessions(deps);
  const user = (request: FastifyRequest): SessionUser => request.user!;
  const isInstructor = (request: FastifyRequest) => hasRole(request.user, ROLES.instructor);

  app.post('/', { preHandler: requireBooker }, async (request, reply) => {
    const { sessionId, attendees } = parseInput(bookingRequest, request.body);
    const header = request.headers['idempotency-key'];
    const key = header === undefined ? undefined : parseInput(idempotencyKey.describe('Idempotency-Key'), header);
    const { name } = user(request);
    const contact = { name: await options.names.of(name), email: name };
    try {
      const result = await placeBooking(deps, { sessionId, attendees, owner: name, contact, ...(key ? { idempotencyKey: key } : {}) });
      // Lost races on the seat ledger: lets load tests and operators see contention without logs.
      reply.header('booking-retries', String(result.retries));
      if ('refused' in result) throw await placeRefusal(nextSessions, result, attendees.length);
      return reply.status(201).send({ booking: toPublicBooking(result.booking) });
    } catch (error) {
      if (!(error instanceof HttpError)) app.finishOrphansSoon();
      if (error instanceof IdempotencyKeyReused) {
        throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different booking.');
      }
      throw error;
    }
  });

  app.get('/', { preHandler: requireUser }, async (request, reply) => {
    const { limit, cursor, sessionId, from, to } = parseInput(bookingsQuery, request.query);
    const owner = isInstructor(request) ? undefined : user(request).name;
    const page = await options.cursors.page(
      { list: 'bookings', filters: { sessionId, from, to }, caller: user(request).name, cursor },
      limit,
      () => (sessionId ? { sessionId } : { window: resolveWindow({ from, to }, new Date()) }),
      (scope) => bookingsList(deps, owner, scope),
    );
    const window = 'window' in page.scope ? page.scope.window : {};
    return sendPage(request, reply, { bookings: page.items, ...window, next: page.next });
  });

  app.get('/:id', { preHandler: requireUser }, async (request) => {
    const { id } = parseInput(idParams, request.params);
    const booking = await findBooking(deps, id);
    if (!booking || (booking.owner !== user(request).name && !isInstructor(request))) throw notFound();
    return { booking: toPublicBooking(booking) };
  });

  app.delete('/:id', { preHandler: requireUser }, async (request) => {
    const { id } = parseInput(idParams, request.params);
    const found = await findBooking(deps, id);
    if (!found || (found.owner !== user(request).name && !isInstructor(request))) throw notFound();
    const { verdict, booking } = await cancelBooking(deps, id, isInstructor(request));
    if (!booking) throw notFound();
    if (verdict !== 'ok' && verdict !== 'already_cancelled') throw cancelRefusal(verdict);
    return { booking: toPublicBooking(booking) };
  });
}
