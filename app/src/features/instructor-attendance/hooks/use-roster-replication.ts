import { useEffect, useState } from 'react';
import type { RosterSyncState } from '../api/replicate-roster';

/**
 * Keeps the instructor's roster syncing on every screen, so marks made offline reach CouchDB once the
 * device is back online wherever the app is open. Restarts on login changes and when the network
 * returns; PouchDB's code loads only for the instructor.
 */
export function useRosterReplication(enabled: boolean, sessionEpoch: number): RosterSyncState {
  const [state, setState] = useState<RosterSyncState>({ kind: 'connecting' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const restart = () => setAttempt((n) => n + 1);
    window.addEventListener('online', restart);
    return () => window.removeEventListener('online', restart);
  }, []);
  useEffect(() => {
    if (!enabled) return;
    let stop: (() => void) | undefined;
    let stopped = false;
    void import('../api/replicate-roster').then(({ startRosterReplication }) => {
      if (!stopped) stop = startRosterReplication(setState);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [enabled, sessionEpoch, attempt]);
  return state;
}
