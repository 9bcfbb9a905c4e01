/** Runs compiled design-doc functions in `node:vm`, the way CouchDB and PouchDB evaluate them. */
import { runInNewContext } from 'node:vm';
import { compileDesignDocs, type DesignDoc } from '../../../design-docs/compile';
import { ROLES, type DbName } from '../../../domain/databases';

type Fn = (...args: unknown[]) => unknown;

const compiled = compileDesignDocs();

export const ddoc = (db: DbName, id: string): DesignDoc => {
  const found = compiled[db].find((doc) => doc._id === id);
  if (!found) throw new Error(`${db} has no ${id}`);
  return found;
};

/** Strict mode, as PouchDB's filter evaluation uses it: catches implicit globals too. */
const evaluate = (source: string, globals: Record<string, unknown> = {}): Fn =>
  runInNewContext(`"use strict";\n(${source})`, globals) as Fn;

export type Outcome = 'ok' | { forbidden: string } | { unauthorized: string };

export interface UserCtx {
  db: string;
  name: string | null;
  roles: string[];
}

export const vdu = (db: DbName, id: string) => {
  const source = ddoc(db, id).validate_doc_update;
  if (!source) throw new Error(`${id} has no validate_doc_update`);
  const fn = evaluate(source);
  return (newDoc: object, oldDoc: object | null, userCtx: UserCtx): Outcome => {
    try {
      fn(structuredClone(newDoc), oldDoc && structuredClone(oldDoc), userCtx, { admins: {}, members: {} });
      return 'ok';
    } catch (error) {
      const thrown = error as Record<string, unknown>;
      // Anything but {forbidden} / {unauthorized} would be a 500 from CouchDB: a bug, so let the test fail.
      if (typeof thrown.forbidden === 'string') return { forbidden: thrown.forbidden };
      if (typeof thrown.unauthorized === 'string') return { unauthorized: thrown.unauthorized };
      throw error;
    }
  };
};

export const filter = (db: DbName, id: string, name: string) => {
  const source = ddoc(db, id).filters?.[name];
  if (!source) throw new Error(`${id} has no filter ${name}`);
  const fn = evaluate(source);
  return (doc: object, query: Record<string, string> = {}): boolean => fn(structuredClone(doc), { query }) === true;
};

export const view = (db: DbName, id: string, name: string) => {
  const source = ddoc(db, id).views?.[name]?.map;
  if (!source) throw new Error(`${id} has no view ${name}`);
  let rows: unknown[][] = [];
  const fn = evaluate(source, { emit: (key: unknown, value: unknown) => rows.push([key, value]) });
  return (doc: object): unknown[][] => {
    rows = [];
    fn(structuredClone(doc));
    // Round-trip through JSON so that arrays made inside the vm compare equal to this realm's arrays.
    return JSON.parse(JSON.stringify(rows)) as unknown[][];
  };
};

export const users = {
  anonymous: { db: 'test', name: null, roles: [] },
  customer: { db: 'test', name: 'pat@example.com', roles: [ROLES.customer] },
  instructor: { db: 'test', name: 'jo@example.com', roles: [ROLES.instructor] },
  service: { db: 'test', name: 'reports', roles: [ROLES.service] },
  sync: { db: 'test', name: 'rft-sync', roles: [ROLES.sync] },
  admin: { db: 'test', name: 'admin', roles: ['_admin'] },
} satisfies Record<string, UserCtx>;

export type UserName = keyof typeof users;
export const USER_NAMES = Object.keys(users) as UserName[];

export const DDOC_ADMIN_ONLY = 'Only a database admin may change design documents.';

/** What each user gets writing a database only the sync-server writes: data by the sync-server and admins, design docs by admins. */
export const onlySyncWrites = (notSync: string): Record<UserName, { data: Outcome; design: Outcome }> => {
  const refused = { forbidden: notSync };
  const designRefused = { forbidden: DDOC_ADMIN_ONLY };
  return {
    anonymous: { data: refused, design: designRefused },
    customer: { data: refused, design: designRefused },
    instructor: { data: refused, design: designRefused },
    service: { data: refused, design: designRefused },
    sync: { data: 'ok', design: designRefused },
    admin: { data: 'ok', design: 'ok' },
  };
};
