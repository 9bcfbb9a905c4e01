import type { CatalogDoc } from './catalog-db';

/**
 * The catalog as the store last held it, kept on the device in a `_local` doc (never replicated)
 * with the update sequence it reflects. Loading one JSON string is over ten times faster than
 * PouchDB reading thousands of docs one by one, so a reopened app draws the calendar from it and
 * then applies the changes made since `seq`.
 */
export interface SavedCatalog {
  seq: number | string;
  docs: CatalogDoc[];
}

const SAVED_ID = '_local/saved-catalog';
/** Bump when the stored shape changes: an older copy is then ignored and saved again. */
const FORMAT = 1;

interface StoredCatalog {
  _id: string;
  _rev?: string;
  format: number;
  seq: number | string;
  /** One string, not thousands of objects: IndexedDB stores and loads it in one piece. */
  docs: string;
}

const hasStatus = (error: unknown, status: number): boolean => (error as { status?: number }).status === status;

/** The stored doc's revision as this page last saw it: a `_local` doc is replaced by revision too. */
let knownRev: string | undefined;

const loadStored = async (db: PouchDB.Database): Promise<StoredCatalog | undefined> => {
  try {
    const stored = (await db.get(SAVED_ID)) as unknown as StoredCatalog;
    knownRev = stored._rev;
    return stored;
  } catch (error) {
    if (hasStatus(error, 404)) return undefined;
    throw error;
  }
};

export const readSavedCatalog = async (db: PouchDB.Database): Promise<SavedCatalog | undefined> => {
  const stored = await loadStored(db);
  return stored?.format === FORMAT ? { seq: stored.seq, docs: JSON.parse(stored.docs) as CatalogDoc[] } : undefined;
};

export const saveCatalog = async (db: PouchDB.Database, saved: SavedCatalog): Promise<void> => {
  const stored: StoredCatalog = { _id: SAVED_ID, format: FORMAT, seq: saved.seq, docs: JSON.stringify(saved.docs) };
  try {
    knownRev = (await db.put({ ...stored, _rev: knownRev })).rev;
  } catch (error) {
    if (!hasStatus(error, 409)) throw error;
    // Another tab saved meanwhile; its copy is no better than ours, so save over it.
    await loadStored(db);
    knownRev = (await db.put({ ...stored, _rev: knownRev })).rev;
  }
};
