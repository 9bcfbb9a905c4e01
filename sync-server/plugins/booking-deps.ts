import type { FastifyInstance } from 'fastify';
import { BulkWrites } from '../../couch/client/bulk-writes';
import fp from 'fastify-plugin';
import type { BookingDeps } from '../bookings/deps';
import { HoldBatcher } from '../bookings/hold-batcher';
import { LatestLedgers } from '../bookings/latest-ledgers';
import { SeatAdmission } from '../bookings/seat-admission';

declare module 'fastify' {
  interface FastifyInstance {
    /** What the booking protocol works with in this process: one hold batcher, one view of the newest ledgers, one admission to each session and one group commit of writes. */
    bookingDeps: BookingDeps;
  }
}

/** Built once, after the CouchDB clients and this process's instance id, for every route that books or reads bookings. */
export default fp(async function bookingDeps(app: FastifyInstance) {
  const deps: BookingDeps = { couch: app.couch, instance: app.instance, inFlight: app.inFlightBookings, ledgers: new LatestLedgers(), admission: new SeatAdmission(), writes: new BulkWrites(app.couch.sync) };
  deps.holds = new HoldBatcher(deps);
  app.decorate('bookingDeps', deps);
});
