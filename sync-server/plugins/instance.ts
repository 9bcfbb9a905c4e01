import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { dropLease, HEARTBEAT_SECONDS, renewLease } from '../instances/lease';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's id: stamped on the pending bookings it writes, kept alive by a lease. */
    instance: string;
    /** Pending bookings this process's requests are still working on: not orphans, whatever their age. */
    inFlightBookings: Set<string>;
  }
}

/**
 * Takes a lease for this process before it serves anything and renews it every few seconds. If the
 * database is down the renewal is retried on the next beat; a lapsed lease only means another
 * process may finish our pending bookings too, which is safe: finishing a booking is idempotent.
 */
export default fp(async function instance(app: FastifyInstance) {
  const id = randomUUID();
  const startedAt = new Date().toISOString();
  app.decorate('instance', id);
  app.decorate('inFlightBookings', new Set<string>());
  const renew = () => renewLease(app.couch, id, startedAt).catch((error: unknown) => app.log.warn({ err: error }, 'instance lease not renewed'));
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await renew();
    timer = setInterval(() => void renew(), HEARTBEAT_SECONDS * 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await dropLease(app.couch, id).catch((error: unknown) => app.log.warn({ err: error }, 'instance lease not dropped'));
  });
});
