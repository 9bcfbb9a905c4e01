import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { recoverBookings } from '../bookings/recovery';

export interface BookingRecoveryOptions {
  /** Seconds between recovery passes; 0 or omitted turns recovery off (API-only tests). */
  intervalSeconds?: number;
}

/** Runs the booking recovery pass once the server is ready, then periodically; a pass never overlaps the next. */
export default fp(async function bookingRecovery(app: FastifyInstance, options: BookingRecoveryOptions) {
  const interval = options.intervalSeconds ?? 0;
  if (interval <= 0) return;
  let running: Promise<void> | null = null;
  const pass = () => {
    running ??= recoverBookings(app.couch)
      .then((report) => app.log.info({ report }, 'booking recovery pass'))
      .catch((error: unknown) => app.log.error({ err: error }, 'booking recovery pass failed'))
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
