import { useSyncExternalStore } from 'react';
import { catalogStore, type CatalogSnapshot } from './catalog-store';

/** The device's catalog, live: every screen reads this, never the network. */
export const useCatalog = (): CatalogSnapshot => useSyncExternalStore(catalogStore.subscribe, catalogStore.getSnapshot);
