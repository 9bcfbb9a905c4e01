import { useEffect, useState } from 'react';
import { DB } from '../../../../../domain/databases';
import { catalogStore } from '../../../shared/catalog/catalog-store';
import { localDb } from '../../../shared/pouch';
import { loadRoster, type RosterSession } from '../api/load-roster';
import { onPendingChange, pendingCount } from '../api/pending-marks';

type RosterState = { status: 'loading' } | { status: 'ready'; sessions: RosterSession[] } | { status: 'error'; message: string };

/** The roster as stored on this device, re-read whenever bookings, marks or the catalog change. */
export function useRoster(): RosterState {
  const [state, setState] = useState<RosterState>({ status: 'loading' });
  useEffect(() => {
    let closed = false;
    let reading = false;
    let stale = false;
    // Replication writes in bursts: one read at a time, plus one after.
    const refresh = async (): Promise<void> => {
      if (reading) {
        stale = true;
        return;
      }
      reading = true;
      try {
        do {
          stale = false;
          const sessions = await loadRoster(catalogStore.getSnapshot().sessions);
          if (!closed) setState({ status: 'ready', sessions });
        } while (stale && !closed);
      } catch (error) {
        if (!closed) setState({ status: 'error', message: (error as Error).message });
      } finally {
        reading = false;
      }
    };
    const feeds = [DB.bookings, DB.attendance].map((name) => localDb(name).changes({ since: 'now', live: true }).on('change', () => void refresh()));
    // The catalog's database is written by the catalog worker, and a changes feed on this thread
    // never hears of those writes: its sessions come from the catalog store, which does.
    const stopCatalog = catalogStore.subscribe(() => void refresh());
    void refresh();
    return () => {
      closed = true;
      feeds.forEach((feed) => feed.cancel());
      stopCatalog();
    };
  }, []);
  return state;
}

/** How many marks on this device the server does not have yet. */
export function usePendingCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let current = true;
    void pendingCount().then((value) => current && setCount(value));
    const stop = onPendingChange(setCount);
    return () => {
      current = false;
      stop();
    };
  }, []);
  return count;
}
