/**
 * npm run bench:booking [-- --customers 200 --sessions 100 --engine embedded|couchdb]
 * Starts a private CouchDB (the embedded server, or with --engine couchdb a node of the Apache
 * CouchDB release, or COUCH_URL when set) and one sync-server on loopback, then measures:
 *   contended: every customer books 1 seat on one 12-seat session at the same moment;
 *   spread:    the same load over `sessions` sessions;
 *   floor:     as many bare conditional updates of `sessions` documents, straight to CouchDB;
 *   grouped floor: the same updates written through the group commit the bookings use.
 */
import { parseArgs } from 'node:util';
import { BulkWrites } from '../../couch/client/bulk-writes';
import { conditionalWrite, type WriteOptions } from '../../couch/client/conditional-write';
import { ROLES } from '../../domain/databases';
import { attendees, createCustomers, insertSession, readSession } from '../helpers/bookings';
import { benchStack, deadline } from './engine';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '200' },
    sessions: { type: 'string', default: '100' },
    engine: { type: 'string', default: 'embedded' },
  },
});
const CUSTOMERS = Number(values.customers);
const SESSIONS = Number(values.sessions);
const REQUEST_TIMEOUT_MS = 30_000;
const DEADLINE_MS = 5 * 60_000;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (value: number, places = 1): number => Math.round(value * 10 ** places) / 10 ** places;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function summarise(latencies: number[], wallMs: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), perSecond: round((latencies.length / wallMs) * 1000), wallMs: round(wallMs) };
}

async function main() {
  deadline('bench:booking', DEADLINE_MS);
  const { couch, app } = await benchStack(values.engine);
  try {
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const customers = await createCustomers(app.couch, CUSTOMERS);
    // Customers arrive logged in, as from an open browser tab: each holds a session cookie.
    const cookies = await Promise.all(
      customers.map(async ({ name }, i) => {
        const response = await fetch(`${couch.url}/_session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name, password: `crowd-password-${i}` }),
        });
        const cookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
        await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } });
        return cookie;
      }),
    );

    const book = async (cookie: string, sessionId: string) => {
      const { ms, value } = await timed(() =>
        fetch(`${baseUrl}/api/bookings`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ sessionId, attendees: attendees(1) }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        }),
      );
      await value.arrayBuffer();
      return { ms, status: value.status, retries: Number(value.headers.get('booking-retries') ?? 0) };
    };

    const contendedSession = await insertSession(app.couch);
    const contended = await timed(() => Promise.all(cookies.map((cookie) => book(cookie, contendedSession._id))));
    const ledger = await readSession(app.couch, contendedSession._id);
    const confirmedSeats = ledger.holds.reduce((sum, hold) => sum + hold.seats, 0);

    const spreadSessions = await Promise.all(Array.from({ length: SESSIONS }, () => insertSession(app.couch)));
    const spread = await timed(() => Promise.all(cookies.map((cookie, i) => book(cookie, spreadSessions[i % SESSIONS]!._id))));

    const floorDb = app.couch.sync.use<{ _id: string; _rev?: string; n: number }>('rft_floor');
    await app.couch.admin.db.create('rft_floor');
    // Apache CouchDB makes a new database admin-only; the floor is written as the validator writes.
    await app.couch.admin.request({ db: 'rft_floor', path: '_security', method: 'PUT', body: { admins: { names: [], roles: ['_admin'] }, members: { names: [], roles: [ROLES.sync] } } });
    await floorDb.bulk({ docs: Array.from({ length: SESSIONS }, (_, i) => ({ _id: `doc:${i}`, n: 0 })) });
    type FloorDoc = { _id: string; _rev?: string; n: number };
    const updates = (options: WriteOptions<FloorDoc> = {}) =>
      timed(() =>
        Promise.all(
          cookies.map((_, i) =>
            timed(() => conditionalWrite(floorDb, `doc:${i % SESSIONS}`, (doc) => ({ write: { _id: `doc:${i % SESSIONS}`, n: (doc?.n ?? 0) + 1 }, result: {} }), options)),
          ),
        ),
      );
    const floor = await updates();
    const grouped = new BulkWrites(app.couch.sync);
    const groupedFloor = await updates({ write: (doc) => grouped.write('rft_floor', doc) });

    const contendedSummary = summarise(contended.value.map((r) => r.ms), contended.ms);
    const spreadSummary = summarise(spread.value.map((r) => r.ms), spread.ms);
    const floorSummary = summarise(floor.value.map((r) => r.ms), floor.ms);
    const groupedSummary = summarise(groupedFloor.value.map((r) => r.ms), groupedFloor.ms);
    const statuses = (results: { status: number }[]) =>
      results.reduce<Record<string, number>>((count, r) => ({ ...count, [r.status]: (count[r.status] ?? 0) + 1 }), {});
    const report = {
      customers: CUSTOMERS,
      sessions: SESSIONS,
      contended: {
        ...contendedSummary,
        confirmedSeats,
        capacity: contendedSession.capacity,
        statuses: statuses(contended.value),
        retriesPerBooking: round(contended.value.reduce((sum, r) => sum + r.retries, 0) / CUSTOMERS, 2),
      },
      spread: { ...spreadSummary, statuses: statuses(spread.value), retriesPerBooking: round(spread.value.reduce((sum, r) => sum + r.retries, 0) / CUSTOMERS, 2) },
      floor: { ...floorSummary, retriesPerUpdate: round(floor.value.reduce((sum, r) => sum + r.value.retries, 0) / CUSTOMERS, 2) },
      groupedFloor: { ...groupedSummary, retriesPerUpdate: round(groupedFloor.value.reduce((sum, r) => sum + r.value.retries, 0) / CUSTOMERS, 2) },
      // How many times a bare update's cost a booking costs: above 1, bookings are slower.
      validatorCost: {
        throughputRatio: round(floorSummary.perSecond / spreadSummary.perSecond, 2),
        p50Ratio: round(spreadSummary.p50Ms / floorSummary.p50Ms, 2),
        groupedThroughputRatio: round(groupedSummary.perSecond / spreadSummary.perSecond, 2),
        groupedP50Ratio: round(spreadSummary.p50Ms / groupedSummary.p50Ms, 2),
      },
    };
    console.log(JSON.stringify(report, null, 2));
    console.table({
      contended: { 'p50 ms': contendedSummary.p50Ms, 'p95 ms': contendedSummary.p95Ms, 'per s': contendedSummary.perSecond, retries: report.contended.retriesPerBooking, 'confirmed seats': confirmedSeats },
      spread: { 'p50 ms': spreadSummary.p50Ms, 'p95 ms': spreadSummary.p95Ms, 'per s': spreadSummary.perSecond, retries: report.spread.retriesPerBooking, 'confirmed seats': statuses(spread.value)['201'] ?? 0 },
      floor: { 'p50 ms': floorSummary.p50Ms, 'p95 ms': floorSummary.p95Ms, 'per s': floorSummary.perSecond, retries: report.floor.retriesPerUpdate, 'confirmed seats': '-' },
      'grouped floor': { 'p50 ms': groupedSummary.p50Ms, 'p95 ms': groupedSummary.p95Ms, 'per s': groupedSummary.perSecond, retries: report.groupedFloor.retriesPerUpdate, 'confirmed seats': '-' },
    });
    if (confirmedSeats !== contendedSession.capacity) {
      console.error(`OVERBOOKING OR UNDERBOOKING: ${confirmedSeats} seats held on a ${contendedSession.capacity}-seat session`);
      process.exitCode = 1;
    }
  } finally {
    await app.close();
    await couch.stop();
  }
}

await main();
