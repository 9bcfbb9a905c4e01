import PouchDB from 'pouchdb-browser';
import type { DbName } from '../../../domain/databases';

/**
 * One PouchDB handle per database for the life of the page: every hook shares it, so a
 * React remount never opens IndexedDB twice or leaves a second handle behind.
 */
const locals = new Map<string, PouchDB.Database>();

/** Device-only databases: never replicated, they hold what this device must not lose (queued bookings). */
export const DEVICE_DB = { bookings: 'rft_device_bookings' } as const;
export type DeviceDbName = (typeof DEVICE_DB)[keyof typeof DEVICE_DB];
const remotes = new Map<DbName, PouchDB.Database>();

/** The device copy (IndexedDB), readable with no connection. */
export const localDb = <T extends object>(name: DbName | DeviceDbName): PouchDB.Database<T> => {
  let db = locals.get(name);
  if (!db) {
    db = new PouchDB(name);
    locals.set(name, db);
  }
  return db as PouchDB.Database<T>;
};

/**
 * CouchDB behind the sync-server's same-origin `/db` proxy, so the HttpOnly session cookie
 * rides along. `skip_setup`: the app never creates databases, it only reads the ones that exist.
 */
export const remoteDb = <T extends object>(name: DbName): PouchDB.Database<T> => {
  let db = remotes.get(name);
  if (!db) {
    db = new PouchDB(`${location.origin}/db/${name}`, { skip_setup: true });
    remotes.set(name, db);
  }
  return db as PouchDB.Database<T>;
};
