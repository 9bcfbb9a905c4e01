import type { ReplicationState } from '../../../shared/catalog/catalog-messages';
import { onCatalogMessage, postToCatalog } from '../../../shared/catalog/catalog-worker-client';
import { useLiveReplication, type StartReplication } from '../../../shared/use-live-replication';

/** The catalog replicates in the catalog worker: (re)starting it is a message, and its states come back as messages. */
const startCatalogSync: StartReplication<ReplicationState> = (onState) => {
  const stopListening = onCatalogMessage((message) => {
    if (message.type === 'replication') onState(message.state);
  });
  postToCatalog({ type: 'sync' });
  return stopListening;
};

/** Keeps the catalog replication running for the whole page; `restart()` is the "Try again" button. */
export const useCatalogReplication = (sessionEpoch: number) => useLiveReplication(startCatalogSync, { kind: 'connecting' }, sessionEpoch);
