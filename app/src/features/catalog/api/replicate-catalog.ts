import { localCatalog, remoteCatalog } from '../../../shared/catalog/catalog-db';
import { backOffUpTo, errorMessage, refusedAccess } from '../../../shared/replication';

export type ReplicationState =
  | { kind: 'connecting' }
  | { kind: 'transferring' }
  | { kind: 'up-to-date' }
  | { kind: 'retrying' }
  | { kind: 'stopped'; message: string };

/**
 * PouchDB writes each batch to IndexedDB in one task on the main thread; at its default of 100
 * docs a first sync on a phone blocks taps for over 100 ms at a time. Smaller batches cost more
 * round trips but keep every task short.
 */
const BATCH_SIZE = 50;

const backOff = backOffUpTo(30_000);

const describe = (error: unknown): string => (refusedAccess(error) ? 'the server refused access' : errorMessage(error));

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
