import { localCatalog, remoteCatalog } from '../../../shared/catalog/catalog-db';

export type ReplicationState =
  | { kind: 'connecting' }
  | { kind: 'transferring' }
  | { kind: 'up-to-date' }
  | { kind: 'retrying' }
  | { kind: 'stopped'; message: string };

const MAX_RETRY_MS = 30_000;
/**
 * PouchDB writes each batch to IndexedDB in one task on the main thread; at its default of 100
 * docs a first sync on a phone blocks taps for over 100 ms at a time. Smaller batches cost more
 * round trips but keep every task short.
 */
const BATCH_SIZE = 50;

/** PouchDB's default backs off to 10 minutes; a booking app should notice the server sooner. */
const backOff = (delay: number): number => (delay === 0 ? 1_000 : Math.min(delay * 2, MAX_RETRY_MS));

const refusedAccess = (error: unknown): boolean => {
  const status = (error as { status?: number } | null)?.status;
  return status === 401 || status === 403;
};

const describe = (error: unknown): string =>
  refusedAccess(error) ? 'the server refused access' : (error as { message?: string } | null)?.message || 'unknown error';

/**
 * Pulls the public catalog into the device, live. One-way: customers never write the catalog.
 * Checkpoints stay on the device: the anonymous reader may not write to the server's copy.
 * Live replication ends on 401/403 even with retry, so the caller restarts it after a login.
 */
export const startCatalogReplication = (onState: (state: ReplicationState) => void): (() => void) => {
  onState({ kind: 'connecting' });
  const replication = localCatalog().replicate.from(remoteCatalog(), {
    live: true,
    retry: true,
    checkpoint: 'target',
    batch_size: BATCH_SIZE,
    back_off_function: backOff,
  });
  let cancelled = false;
  replication
    .on('active', () => onState({ kind: 'transferring' }))
    .on('paused', (error: unknown) => onState(error ? { kind: 'retrying' } : { kind: 'up-to-date' }))
    .on('error', (error: unknown) => {
      if (!cancelled) onState({ kind: 'stopped', message: describe(error) });
    });
  return () => {
    cancelled = true;
    replication.cancel();
  };
};
