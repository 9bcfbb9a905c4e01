import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { recoverBookings } from '../bookings/recovery';
import { recoverSchedule } from '../catalog/recover-schedule';

export interface RecoveryOptions {
  /** Seconds between recovery passes; 0 or omitted turns recovery off (API-only tests). */
  intervalSeconds?: number;
}

/**
 * Finishes whatever a crash left half-written, once the server is ready and then periodically; a pass
 * never overlaps the next. The schedule goes first: finishing a session cancel cancels its bookings.
 */
export default fp(async function recovery(app: FastifyInstance, options: RecoveryOptions) {
  const interval = options.intervalSeconds ?? 0;
  if (interval <= 0) return;
  let running: Promise<void> | null = null;
  const recover = async () => {
    const schedule = await recoverSchedule(app.couch);
    const bookings = await recoverBookings(app.couch);
    app.log.info({ schedule, bookings }, 'recovery pass');
  };
  const pass = () => {
    running ??= recover()
      .catch((error: unknown) => app.log.error({ err: error }, 'recovery pass failed'))
      .finally(() => {
        running = null;
      });
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    pass();
    timer = setInterval(pass, interval * 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
});
