import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DB } from '../../domain/databases';
import { resolveConflictsSince } from '../attendance/conflict-watcher';
import { runPeriodically } from './periodic-pass';

const POLL_MS = 1_000;

/**
 * Resolves attendance conflicts between devices in the background: from sequence 0 at start-up (so
 * conflicts left while the server was down are found), then every second from where it stopped.
 */
export default fp(async function attendanceConflicts(app: FastifyInstance) {
  const db = app.couch.sync.use<never>(DB.attendance);
  let since = '0';
  runPeriodically(app, 'attendance conflict pass', POLL_MS, async () => {
    const result = await resolveConflictsSince(db, since);
    since = result.since;
    if (result.resolved) app.log.info({ resolved: result.resolved }, 'attendance conflicts resolved');
  });
});
