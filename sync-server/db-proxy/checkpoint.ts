import { z } from 'zod';
import { seq } from './wire';

/**
 * Replication checkpoints, the only `_local` documents the gateway serves. pouchdb-server keeps a
 * database's access rules as `_local/_security`, and CouchDB stores `_local` documents without
 * running validate_doc_update, so anything else under `_local/` must never reach the database.
 *
 * - PouchDB names a checkpoint `_local/` + base64 MD5 with `/` → `.` and `+` → `_` (24 characters, `==` at the end).
 * - CouchDB's replicator names it `_local/` + hex MD5 of the replication (32 characters).
 */
export const CHECKPOINT_ID = /^(?:[A-Za-z0-9._]{22}==|[0-9a-f]{32})$/;

/** A checkpoint re-serialised by the gateway is never larger than this. */
export const CHECKPOINT_MAX_BYTES = 8 * 1024;

/**
 * CouchDB's replicator keeps 50 sessions of history in a checkpoint (about 30 KB with CouchDB 3's
 * sequences); PouchDB keeps 5. Finding where to resume needs only recent sessions, so the gateway
 * stores the newest few, and fewer when a cluster's long sequences would not fit the size cap.
 */
const HISTORY_KEPT = 5;

const byteSize = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/** The newest history entries that fit the cap, at least one: the one resuming depends on. */
function recentHistory<T extends { history?: unknown[] }>(doc: T): T {
  if (!doc.history) return doc;
  let kept = Math.min(doc.history.length, HISTORY_KEPT);
  while (kept > 1 && byteSize({ ...doc, history: doc.history.slice(0, kept) }) > CHECKPOINT_MAX_BYTES) kept--;
  return { ...doc, history: doc.history.slice(0, kept) };
}

const text = z.string().max(200);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Sequences inside a checkpoint: a number (embedded server, PouchDB) or CouchDB's opaque string. */
const checkpointSeq = z.union([count, seq]);

const historyEntry = z.strictObject({
  session_id: text,
  last_seq: checkpointSeq.optional(),
  start_time: text.optional(),
  end_time: text.optional(),
  start_last_seq: checkpointSeq.optional(),
  end_last_seq: checkpointSeq.optional(),
  recorded_seq: checkpointSeq.optional(),
  missing_checked: count.optional(),
  missing_found: count.optional(),
  docs_read: count.optional(),
  docs_written: count.optional(),
  doc_write_failures: count.optional(),
  bulk_get_docs: count.optional(),
  bulk_get_attempts: count.optional(),
});

/** The body of `PUT _local/<checkpoint id>`, as PouchDB 9 and CouchDB 3's replicator write it. */
export const checkpointDoc = (id: string) =>
  z
    .strictObject({
      _id: z.literal(`_local/${id}`, { error: 'must be the checkpoint id of the URL' }).optional(),
      _rev: z.string().regex(/^0-[0-9]{1,9}$/, 'must be a _local revision such as 0-1').optional(),
      // CouchDB's replicator sends back what it read with revs=true; a _local document has no history to keep.
      _revisions: z.strictObject({ start: z.literal(0), ids: z.array(z.string().regex(/^[0-9]{1,9}$/)).max(1) }).optional(),
      session_id: text.optional(),
      last_seq: checkpointSeq.optional(),
      history: z.array(historyEntry).max(100).optional(),
      replicator: z.literal('pouchdb').optional(),
      version: count.optional(),
      source_last_seq: checkpointSeq.optional(),
      replication_id_version: count.optional(),
      start_time: text.optional(),
      end_time: text.optional(),
      docs_read: count.optional(),
      docs_written: count.optional(),
      doc_write_failures: count.optional(),
    })
    .transform(({ _revisions: _history, ...doc }) => recentHistory({ ...doc, _id: `_local/${id}` }));
