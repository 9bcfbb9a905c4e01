import type { CatalogDoc } from './catalog-db';

/** What GET /api/catalog/snapshot answers: every course and session with `_revisions`, as of `seq`. */
export interface ServerSnapshot {
  seq: number | string;
  docs: (CatalogDoc & { _revisions?: unknown })[];
}

/** Where a device started from a snapshot notes its sequence until replication has caught up from it. */
const MARKER_ID = '_local/catalog-snapshot';

const hasStatus = (error: unknown, status: number): boolean => (error as { status?: number }).status === status;

/** The server's snapshot, or undefined when it cannot give one (offline, or a server without the route). */
export const fetchSnapshot = async (): Promise<ServerSnapshot | undefined> => {
  try {
    const response = await fetch('/api/catalog/snapshot');
    return response.ok ? ((await response.json()) as ServerSnapshot) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Stores the snapshot's revisions as replication would (`new_edits: false` keeps each doc's `_rev`
 * and history), then notes its sequence. A page closed in between finds the docs without the note
 * and replicates from its own checkpoint: slower, never wrong.
 */
export const storeSnapshot = async (db: PouchDB.Database, snapshot: ServerSnapshot): Promise<void> => {
  await db.bulkDocs(snapshot.docs as PouchDB.Core.PutDocument<object>[], { new_edits: false });
  await db.put({ _id: MARKER_ID, seq: snapshot.seq } as PouchDB.Core.PutDocument<object>);
};

/** The sequence of a snapshot replication has not yet caught up from, if any. */
export const pendingSnapshotSeq = async (db: PouchDB.Database): Promise<number | string | undefined> => {
  try {
    return ((await db.get(MARKER_ID)) as unknown as { seq: number | string }).seq;
  } catch (error) {
    if (hasStatus(error, 404)) return undefined;
    throw error;
  }
};

/** Replication has caught up and checkpointed past the snapshot: later starts use the checkpoint. */
export const forgetSnapshot = async (db: PouchDB.Database): Promise<void> => {
  try {
    await db.remove((await db.get(MARKER_ID)) as PouchDB.Core.RemoveDocument);
  } catch (error) {
    if (!hasStatus(error, 404)) throw error;
  }
};
