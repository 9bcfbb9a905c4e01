import cookie from '@fastify/cookie';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Account } from '../couch/setup/credentials';
import { ContactNames } from './accounts/contact-names';
import { AddressSlots } from './feeds/address-slots';
import attendanceConflicts from './jobs/attendance-conflicts';
import recovery from './jobs/recovery';
import bookingDeps from './plugins/booking-deps';
import securityHeaders from './plugins/security-headers';
import couch from './plugins/couch';
import errors, { sendNotFound } from './plugins/errors';
import instance from './plugins/instance';
import jsonCharset from './plugins/json-charset';
import session from './plugins/session';
import sharedFeeds from './plugins/shared-feeds';
import authRoutes from './routes/auth';
import bookingRoutes from './routes/bookings';
import calendarRoutes from './routes/calendar';
import catalogSnapshotRoutes from './routes/catalog/snapshot';
import certificateRoutes from './routes/certificates';
import courseRoutes from './routes/courses';
import attendanceRoutes from './routes/courses/sessions/attendance';
import dbProxy from './routes/db-proxy';
import { cursorKey } from './feeds/event-cursor';
import { ListCursors, listCursorKey } from './lists/cursor';
import eventRoutes from './routes/events';
import healthRoutes from './routes/health';
import pwaRoutes from './routes/pwa';

export interface AppOptions {
  couchUrl: string;
  admin: Account;
  sync: Account;
  /** The built PWA; omitted in API-only tests. */
  staticDir?: string;
  travelBufferMinutes: number;
  /** Years ahead the instructor may schedule; SCHEDULE_HORIZON_YEARS (2) when omitted. */
  scheduleHorizonYears?: number;
  loginRateLimitPerMinute: number;
  loginFailuresPerAccount: number;
  logger?: FastifyServerOptions['logger'];
  /** Open /api/events streams and waiting gateway longpolls one client address may hold; default 20. */
  eventStreamsPerAddress?: number;
  /** Seconds between recovery passes of the schedule and bookings (the first runs at start-up); omitted means off. */
  recoveryIntervalSeconds?: number;
}

const API_BODY_LIMIT = 64 * 1024;

/** The whole sync-server as one Fastify instance; tests build it and use inject() or listen(). */
export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: API_BODY_LIMIT,
    trustProxy: false,
    return503OnClosing: true,
  });
  await app.register(errors);
  await app.register(securityHeaders);
  await app.register(cookie);
  await app.register(couch, { url: options.couchUrl, admin: options.admin, sync: options.sync });
  await app.register(session);
  await app.register(instance);
  await app.register(bookingDeps);
  await app.register(sharedFeeds);
  await app.register(recovery, { intervalSeconds: options.recoveryIntervalSeconds });
  await app.register(attendanceConflicts);

  const cursors = new ListCursors(listCursorKey(options.sync));
  const names = new ContactNames(app.couch.admin);
  const slots = new AddressSlots(options.eventStreamsPerAddress ?? 20);
  await app.register(
    async (api) => {
      await api.register(jsonCharset);
      await api.register(healthRoutes);
      await api.register(authRoutes, {
        prefix: '/auth',
        names,
        loginRateLimitPerMinute: options.loginRateLimitPerMinute,
        loginFailuresPerAccount: options.loginFailuresPerAccount,
      });
      await api.register(bookingRoutes, { prefix: '/bookings', cursors, names });
      await api.register(courseRoutes, { prefix: '/courses', travelBufferMinutes: options.travelBufferMinutes, horizonYears: options.scheduleHorizonYears, cursors });
      await api.register(calendarRoutes, { cursors });
      // Serving the PWA means devices will ask for the snapshot: have one ready.
      await api.register(catalogSnapshotRoutes, { warm: Boolean(options.staticDir) });
      await api.register(eventRoutes, { cursorKey: cursorKey(options.sync), slots });
      await api.register(attendanceRoutes, { prefix: '/courses/sessions' });
      await api.register(certificateRoutes, { prefix: '/certificates', cursors });
    },
    { prefix: '/api' },
  );
  await app.register(dbProxy, { prefix: '/db', slots });
  if (options.staticDir) await app.register(pwaRoutes, { root: options.staticDir });
  else app.setNotFoundHandler(sendNotFound);
  return app;
}
