/** CouchDB database names. One home, imported by app, server, design-doc build and tests. */
export const DB = {
  catalog: 'rft_catalog',
  bookings: 'rft_bookings',
  attendance: 'rft_attendance',
} as const;

export type DbName = (typeof DB)[keyof typeof DB];

export const ALL_DBS: readonly DbName[] = [DB.catalog, DB.bookings, DB.attendance];

/** Databases only the sync-server's account reads and writes (its `_security` members): never proxied, no design docs. */
export const SERVER_DBS = {
  calendarTokens: 'rft_calendar_tokens',
} as const;

export type ServerDbName = (typeof SERVER_DBS)[keyof typeof SERVER_DBS];

/** Roles carried by CouchDB `_users` documents. `sync` is the sync-server's own account. */
export const ROLES = {
  customer: 'customer',
  instructor: 'instructor',
  service: 'service',
  sync: 'rft_sync',
} as const;

export type Role = (typeof ROLES)[keyof typeof ROLES];

/** Which roles may read (replicate) each database. Anonymous callers may read the catalog only. */
export const READERS: Record<DbName, readonly Role[] | 'public'> = {
  [DB.catalog]: 'public',
  [DB.bookings]: [ROLES.sync, ROLES.instructor, ROLES.service],
  [DB.attendance]: [ROLES.sync, ROLES.instructor],
};
