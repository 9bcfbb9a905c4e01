import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { OwnerlessHolds } from '../bookings/ownerless-holds';
import { finishOrphanedBookings, recoverBookings, type RecoveryOptions as BookingRecoveryOptions } from '../bookings/recovery';
import { recoverSchedule } from '../catalog/recover-schedule';
import { runPeriodically } from './periodic-pass';

export interface RecoveryOptions {
  /** Seconds between recovery passes; 0 or omitted turns recovery off (API-only tests). */
  intervalSeconds?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** A booking request failed half-way: finish what it left pending as soon as the database answers. */
    finishOrphansSoon(): void;
  }
}

const SOON_MS = 1_000;
const ORPHANS_EVERY_MS = 2_000;
/** A request cut off by a dying database can stay unsettled in nano; a pass must never wait on it forever. */
const ORPHANS_PASS_LIMIT_MS = 10_000;

const finishWithin = (work: Promise<{ confirmed: number; rejected: number }>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('orphaned bookings pass timed out')), ORPHANS_PASS_LIMIT_MS).unref()),
  ]);
/** Tries while the database is still away, then leaves it to the periodic pass. */
const SOON_ATTEMPTS = 60;

/**
 * Finishes whatever a crash left half-written, once the server is ready and then periodically.
 * The schedule goes first: finishing a session cancel cancels its bookings.
 */
export default fp(async function recovery(app: FastifyInstance, options: RecoveryOptions) {
  const interval = options.intervalSeconds ?? 0;
  const ownerless = new OwnerlessHolds();
  const bookingOptions = (): BookingRecoveryOptions => ({ instance: app.instance, inFlight: app.inFlightBookings, ownerless });
  let soon: NodeJS.Timeout | undefined;
  let attempts = 0;
  const finishSoon = () => {
    if (interval <= 0 || soon) return;
    soon = setTimeout(async () => {
      try {
        const finished = await finishWithin(finishOrphanedBookings(app.couch, bookingOptions()));
        attempts = 0;
        soon = undefined;
        app.log.info(finished, 'finished orphaned bookings');
      } catch (error) {
        soon = undefined;
        if (++attempts < SOON_ATTEMPTS) finishSoon();
        else app.log.warn({ err: error }, 'orphaned bookings left to the next recovery pass');
      }
    }, SOON_MS);
    soon.unref();
  };
  app.decorate('finishOrphansSoon', finishSoon);
  app.addHook('onClose', async () => clearTimeout(soon));
  if (interval <= 0) return;
  // Cheap (one small view read), so often: a peer that died, or writes that reached the database
  // only after a crashed predecessor's start-up pass, are finished within seconds.
  runPeriodically(app, 'orphaned bookings pass', ORPHANS_EVERY_MS, async () => {
    const finished = await finishWithin(finishOrphanedBookings(app.couch, bookingOptions()));
    if (finished.confirmed || finished.rejected) app.log.info(finished, 'finished orphaned bookings');
  });
  runPeriodically(app, 'recovery pass', interval * 1000, async () => {
    const schedule = await recoverSchedule(app.couch);
    const bookings = await recoverBookings(app.couch, bookingOptions());
    app.log.info({ schedule, bookings }, 'recovery pass');
  });
});
