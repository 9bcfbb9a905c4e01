import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DB } from '../../domain/databases';
import { resolveConflictsSince } from '../attendance/conflict-watcher';

const POLL_MS = 1_000;

/**
 * Resolves attendance conflicts between devices in the background: from sequence 0 at start-up (so
 * conflicts left while the server was down are found), then every second from where it stopped.
 */
export default fp(async function attendanceConflicts(app: FastifyInstance) {
  const db = app.couch.sync.use<never>(DB.attendance);
  let since = '0';
  let running: Promise<void> | null = null;
  const pass = () => {
    running ??= resolveConflictsSince(db, since)
      .then((result) => {
        since = result.since;
        if (result.resolved) app.log.info({ resolved: result.resolved }, 'attendance conflicts resolved');
      })
      .catch((error: unknown) => app.log.warn({ err: error }, 'attendance conflict pass failed'))
      .finally(() => {
        running = null;
      });
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    pass();
    timer = setInterval(pass, POLL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
});
