import { DOC_TYPES } from '../../../../domain/doc-ids';
import type { CatalogDoc } from './catalog-db';
import { asCourseDoc, asSessionDoc } from './catalog-guards';
import type { PageMessage, Removed, ReplicationState, WorkerMessage } from './catalog-messages';
import { fetchSnapshot, forgetSnapshot, pendingSnapshotSeq, storeSnapshot } from './catalog-snapshot';
import { readSavedCatalog, saveCatalog } from './saved-catalog';

/*
 * The catalog's PouchDB, its replication and the shaping of every doc run here, off the page's
 * thread: a first sync of thousands of sessions writes IndexedDB and parses JSON for seconds, and
 * not one tap may wait for that. The page gets shaped docs and replication states as messages.
 */

const post = (message: WorkerMessage): void => self.postMessage(message);

/** Docs per message when the page first gets the catalog: each message is one short task on its thread. */
const PART = 100;
const SAVE_AFTER_QUIET_MS = 1_000;

let db: PouchDB.Database<CatalogDoc>;
let startCatalogReplication: typeof import('./replicate-catalog').startCatalogReplication;
/** The catalog as the page holds it, for the saved copy. */
const held = new Map<string, CatalogDoc>();
/** The local update sequence `held` reflects (at least). */
let seq: number | string = 0;
/** Set while the device started from a snapshot that replication has not yet caught up from. */
let snapshotSeq: number | string | undefined;
let loaded = false;
let syncWanted = false;
let stopReplication: (() => void) | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

const shape = (doc: Record<string, unknown> & { _id: string }): CatalogDoc | undefined => {
  if (doc._deleted) return undefined;
  const { _revisions: _history, ...fields } = doc;
  if (doc._id.startsWith(`${DOC_TYPES.session}:`)) return asSessionDoc(fields);
  if (doc._id.startsWith(`${DOC_TYPES.course}:`)) return asCourseDoc(fields);
  return undefined;
};

/** Holds the shaped doc, or forgets the id: what the page must do with it. */
const hold = (doc: Record<string, unknown> & { _id: string }): CatalogDoc | Removed => {
  const shaped = shape(doc);
  if (shaped) held.set(shaped._id, shaped);
  else held.delete(doc._id);
  return shaped ?? { _id: doc._id, _deleted: true };
};

const sendLoaded = (): void => {
  const docs = [...held.values()];
  for (let start = 0; start === 0 || start < docs.length; start += PART) {
    post({ type: 'loaded', docs: docs.slice(start, start + PART), last: start + PART >= docs.length });
  }
};

const save = (): void => {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  // A copy that failed to save only costs the next start a full read.
  saveCatalog({ seq, docs: [...held.values()] }).catch(() => undefined);
};

/** Once changes have gone quiet, so a sync burst is saved once rather than once per batch. */
const scheduleSave = (): void => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, SAVE_AFTER_QUIET_MS);
};

/** The saved copy, as held when it was saved: already shaped. False when there is none to read. */
const readSaved = async (): Promise<boolean> => {
  const saved = await readSavedCatalog().catch(() => undefined);
  if (!saved) return false;
  for (const doc of saved.docs) held.set(doc._id, doc);
  seq = saved.seq;
  return true;
};

/** Every doc of the device's PouchDB: a device without a saved copy (not yet saved, or a failed save). */
const readAll = async (): Promise<void> => {
  seq = (await db.info()).update_seq;
  const all = await db.allDocs({ include_docs: true });
  for (const row of all.rows) if ('doc' in row && row.doc) hold(row.doc as never);
  scheduleSave();
};

/** A new device: the server's snapshot, shown at once, then stored; replication continues from its sequence. */
const startFromSnapshot = async (): Promise<boolean> => {
  const snapshot = await fetchSnapshot();
  if (!snapshot) return false;
  for (const doc of snapshot.docs) hold(doc as never);
  sendLoaded();
  await storeSnapshot(db, snapshot);
  snapshotSeq = snapshot.seq;
  seq = (await db.info()).update_seq;
  scheduleSave();
  return true;
};

/** Replicated writes reach the page through the local changes feed, one message per burst. */
const followLocalChanges = (): void => {
  let pending: (CatalogDoc | Removed)[] = [];
  db.changes({ since: seq, live: true, include_docs: true }).on('change', (change) => {
    if (pending.length === 0) setTimeout(() => {
      post({ type: 'changed', docs: pending });
      pending = [];
    }, 0);
    pending.push(hold((change.doc as never) ?? { _id: change.id, _deleted: true }));
    seq = change.seq;
    scheduleSave();
  });
};

const onReplication = (state: ReplicationState): void => {
  post({ type: 'replication', state });
  if (state.kind === 'up-to-date' && snapshotSeq !== undefined) {
    snapshotSeq = undefined;
    forgetSnapshot(db).catch(() => undefined);
  }
};

const sync = (): void => {
  syncWanted = true;
  if (!loaded) return;
  stopReplication?.();
  stopReplication = startCatalogReplication(onReplication, snapshotSeq);
};

/** A device without a saved copy: a new one starts from the server's snapshot, any other reads its PouchDB. */
const readFirst = async (): Promise<void> => {
  const fresh = snapshotSeq === undefined && (await db.info()).doc_count === 0;
  if (fresh && (await startFromSnapshot())) return;
  await readAll();
  sendLoaded();
};

const start = async (): Promise<void> => {
  try {
    const shown = await readSaved();
    if (shown) sendLoaded();
    // Only now: loading PouchDB would hold up this thread while it reads and sends the saved copy.
    const [catalogDb, replication] = await Promise.all([import('./catalog-db'), import('./replicate-catalog')]);
    db = catalogDb.localCatalog();
    startCatalogReplication = replication.startCatalogReplication;
    snapshotSeq = await pendingSnapshotSeq(db);
    if (!shown) await readFirst();
    followLocalChanges();
    loaded = true;
    if (syncWanted) sync();
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message });
  }
};

self.addEventListener('message', (event: MessageEvent<PageMessage>) => {
  if (event.data.type === 'sync') sync();
  else if (event.data.type === 'hidden' && saveTimer !== undefined) save();
});

void start();
