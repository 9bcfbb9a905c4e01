import PouchDB from 'pouchdb';
import memory from 'pouchdb-adapter-memory';

PouchDB.plugin(memory);

let counter = 0;

/** A throwaway in-memory PouchDB, as a device or a consuming service would hold. */
export const memoryPouch = <T extends object = Record<string, unknown>>(): PouchDB.Database<T> =>
  new PouchDB<T>(`mem-${process.pid}-${++counter}`, { adapter: 'memory' });

/** A remote database reached through the sync-server's /db proxy, with optional credentials. */
export const remotePouch = <T extends object = Record<string, unknown>>(
  baseUrl: string,
  db: string,
  headers: Record<string, string> = {},
): PouchDB.Database<T> =>
  new PouchDB<T>(`${baseUrl}/db/${db}`, {
    skip_setup: true,
    fetch: (url, options) => {
      const merged: Record<string, string> = {};
      (options?.headers as Headers | undefined)?.forEach((value, name) => (merged[name] = value));
      return PouchDB.fetch(url, { ...options, headers: { ...merged, ...headers } });
    },
  });
