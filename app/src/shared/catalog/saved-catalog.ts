import type { CatalogDoc } from './catalog-db';

/**
 * The catalog as the worker last held it, with the local update sequence it reflects. A reopened
 * app draws the calendar from it, then applies the changes made since `seq`. It lives in an
 * IndexedDB database of its own, not in PouchDB: the worker reads and sends it before it loads and
 * opens PouchDB, which took most of the time to the first screen.
 */
export interface SavedCatalog {
  seq: number | string;
  docs: CatalogDoc[];
}

const DB_NAME = 'rft_saved_catalog';
const STORE = 'copies';
const KEY = 'catalog';
/** Bump when the stored shape changes: an older copy is then ignored and saved again. */
const FORMAT = 1;

interface StoredCatalog {
  format: number;
  seq: number | string;
  /** One string, not thousands of objects: IndexedDB stores and loads it in one piece. */
  docs: string;
}

let opened: Promise<IDBDatabase> | undefined;

const database = (): Promise<IDBDatabase> =>
  (opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }));

export const readSavedCatalog = async (): Promise<SavedCatalog | undefined> => {
  const request = (await database()).transaction(STORE).objectStore(STORE).get(KEY);
  const stored = await new Promise<StoredCatalog | undefined>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as StoredCatalog | undefined);
    request.onerror = () => reject(request.error);
  });
  return stored?.format === FORMAT ? { seq: stored.seq, docs: JSON.parse(stored.docs) as CatalogDoc[] } : undefined;
};

/** Replaces the copy; another tab's copy is no better than this one. */
export const saveCatalog = async (saved: SavedCatalog): Promise<void> => {
  const stored: StoredCatalog = { format: FORMAT, seq: saved.seq, docs: JSON.stringify(saved.docs) };
  const transaction = (await database()).transaction(STORE, 'readwrite');
  transaction.objectStore(STORE).put(stored, KEY);
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = transaction.onabort = () => reject(transaction.error);
  });
};
