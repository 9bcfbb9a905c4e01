import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { recoverBookings } from '../bookings/recovery';
import { recoverSchedule } from '../catalog/recover-schedule';
import { runPeriodically } from './periodic-pass';

export interface RecoveryOptions {
  /** Seconds between recovery passes; 0 or omitted turns recovery off (API-only tests). */
  intervalSeconds?: number;
}

/**
 * Finishes whatever a crash left half-written, once the server is ready and then periodically.
 * The schedule goes first: finishing a session cancel cancels its bookings.
 */
export default fp(async function recovery(app: FastifyInstance, options: RecoveryOptions) {
  const interval = options.intervalSeconds ?? 0;
  if (interval <= 0) return;
  runPeriodically(app, 'recovery pass', interval * 1000, async () => {
    const schedule = await recoverSchedule(app.couch);
    const bookings = await recoverBookings(app.couch, { instance: app.instance });
    app.log.info({ schedule, bookings }, 'recovery pass');
  });
});
