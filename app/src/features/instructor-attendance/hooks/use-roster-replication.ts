import { useEffect, useState } from 'react';
import { startRosterReplication, type RosterSyncState } from '../api/replicate-roster';

/** Keeps the roster syncing while the screen is open; restarts on login changes and when the network returns. */
export function useRosterReplication(sessionEpoch: string): RosterSyncState {
  const [state, setState] = useState<RosterSyncState>({ kind: 'connecting' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const restart = () => setAttempt((n) => n + 1);
    window.addEventListener('online', restart);
    return () => window.removeEventListener('online', restart);
  }, []);
  useEffect(() => startRosterReplication(setState), [sessionEpoch, attempt]);
  return state;
}
