import { backOffUpTo, errorMessage, refusedAccess } from '../replication';
import { localCatalog, remoteCatalog } from './catalog-db';
import type { ReplicationState } from './catalog-messages';

const backOff = backOffUpTo(30_000);

const describe = (error: unknown): string => (refusedAccess(error) ? 'the server refused access' : errorMessage(error));

/**
 * Pulls the public catalog into the device, live, from `since` when the device was started from a
 * snapshot (else from its checkpoint). One-way: customers never write the catalog. Checkpoints stay
 * on the device: the anonymous reader may not write to the server's copy. Live replication ends on
 * 401/403 even with retry, so the page restarts it after a login.
 */
export const startCatalogReplication = (onState: (state: ReplicationState) => void, since?: number | string): (() => void) => {
  onState({ kind: 'connecting' });
  const replication = localCatalog().replicate.from(remoteCatalog(), {
    live: true,
    retry: true,
    checkpoint: 'target',
    back_off_function: backOff,
    ...(since === undefined ? {} : { since }),
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
