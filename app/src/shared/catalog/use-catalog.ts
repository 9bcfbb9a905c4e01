import { useSyncExternalStore } from 'react';
import { catalogStore, type CatalogSnapshot } from './catalog-store';
import type { TimeWindow } from './time-window';

/** The device's catalog, live: every screen reads this, never the network. */
export const useCatalog = (): CatalogSnapshot => useSyncExternalStore(catalogStore.subscribe, catalogStore.getSnapshot);

/**
 * Names the dates a screen shows, so a catalog still being read sends their sessions first. Called
 * as the screen renders, not from an effect: the first render starts before the worker has read
 * the catalog, but its commit (a sliced transition) often ends after.
 */
export const useCatalogFocus = (window: TimeWindow): void => catalogStore.focus(window);
