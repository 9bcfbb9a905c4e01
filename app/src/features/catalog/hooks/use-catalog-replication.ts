import { useCallback, useEffect, useState } from 'react';
import type { ReplicationState } from '../../../shared/catalog/catalog-messages';
import { onCatalogMessage, postToCatalog } from '../../../shared/catalog/catalog-worker-client';

/**
 * Keeps the catalog replication (in the catalog worker) running for the whole page. It restarts
 * when `sessionEpoch` changes (a login can lift a 401/403 that ended it), when the network comes
 * back (skipping the remaining back-off), and on `restart()`.
 */
export const useCatalogReplication = (sessionEpoch: number) => {
  const [state, setState] = useState<ReplicationState>({ kind: 'connecting' });
  const [attempt, setAttempt] = useState(0);
  const restart = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    window.addEventListener('online', restart);
    return () => window.removeEventListener('online', restart);
  }, [restart]);

  useEffect(
    () =>
      onCatalogMessage((message) => {
        if (message.type === 'replication') setState(message.state);
      }),
    [],
  );

  useEffect(() => postToCatalog({ type: 'sync' }), [sessionEpoch, attempt]);

  return { state, restart };
};
