import { useCallback, useEffect, useState } from 'react';
import type { ReplicationState } from '../api/replicate-catalog';

/**
 * Keeps the catalog replication running for the whole page. It restarts when `sessionEpoch`
 * changes (a login can lift a 401/403 that ended it), when the network comes back (skipping
 * the remaining back-off), and on `restart()`.
 */
export const useCatalogReplication = (sessionEpoch: number) => {
  const [state, setState] = useState<ReplicationState>({ kind: 'connecting' });
  const [attempt, setAttempt] = useState(0);
  const restart = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    window.addEventListener('online', restart);
    return () => window.removeEventListener('online', restart);
  }, [restart]);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopped = false;
    // PouchDB's replication code loads after the first paint; the calendar reads the device's copy meanwhile.
    void import('../api/replicate-catalog').then(({ startCatalogReplication }) => {
      if (!stopped) stop = startCatalogReplication(setState);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [sessionEpoch, attempt]);

  return { state, restart };
};
