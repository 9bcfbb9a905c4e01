import { useSyncExternalStore } from 'react';
import { catalogStore, type CatalogSnapshot } from './catalog-store';
import type { TimeWindow } from './time-window';

/**
 * The device's catalog, live: every screen reads this, never the network. The catalog screen
 * passes the window it shows: while the catalog loads, that window as it last showed is read first.
 */
export const useCatalog = (showing?: TimeWindow): CatalogSnapshot => {
  if (showing) catalogStore.showing(showing);
  return useSyncExternalStore(catalogStore.subscribe, catalogStore.getSnapshot);
};
