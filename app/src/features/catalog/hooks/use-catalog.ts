import { useEffect, useState } from 'react';
import { localCatalog } from '../api/catalog-db';
import { loadCatalog, type CourseListing } from '../api/load-catalog';

type CatalogState =
  | { status: 'loading' }
  | { status: 'ready'; courses: CourseListing[] }
  | { status: 'error'; message: string };

/** The catalog as stored on this device, re-read whenever the local database changes. */
export const useCatalog = (): CatalogState => {
  const [state, setState] = useState<CatalogState>({ status: 'loading' });

  useEffect(() => {
    const db = localCatalog();
    let closed = false;
    let reading = false;
    let stale = false;
    // Replication writes in bursts: coalesce them into one read at a time, plus one after.
    const refresh = async (): Promise<void> => {
      if (reading) {
        stale = true;
        return;
      }
      reading = true;
      try {
        do {
          stale = false;
          const courses = await loadCatalog(db);
          if (!closed) setState({ status: 'ready', courses });
        } while (stale && !closed);
      } catch (error) {
        if (!closed) setState({ status: 'error', message: (error as Error).message });
      } finally {
        reading = false;
      }
    };
    const feed = db.changes({ since: 'now', live: true }).on('change', () => void refresh());
    void refresh();
    return () => {
      closed = true;
      feed.cancel();
    };
  }, []);

  return state;
};
