import type { CatalogDoc } from './catalog-db';

export type ReplicationState =
  | { kind: 'connecting' }
  | { kind: 'transferring' }
  | { kind: 'up-to-date' }
  | { kind: 'retrying' }
  | { kind: 'stopped'; message: string };

export type Removed = { _id: string; _deleted: true };

/** From the catalog worker to the page. */
export type WorkerMessage =
  /** The device's catalog as first read, in parts so no one message holds up a tap; `last` ends it. */
  | { type: 'loaded'; docs: CatalogDoc[]; last: boolean }
  /** Docs changed since: the new version, or a tombstone. */
  | { type: 'changed'; docs: (CatalogDoc | Removed)[] }
  | { type: 'replication'; state: ReplicationState }
  | { type: 'failed'; message: string };

/** From the page to the catalog worker. */
export type PageMessage =
  /** (Re)start replication now: at start-up, after a login, when the network returns, on "Try again". */
  | { type: 'sync' }
  /** The page is hidden and a phone may end it: save the catalog copy now. */
  | { type: 'hidden' };
