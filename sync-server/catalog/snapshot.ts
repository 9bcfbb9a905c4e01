import { DB } from '../../domain/databases';
import { DOC_TYPES } from '../../domain/doc-ids';
import type { Couch } from '../plugins/couch';

export interface CatalogSnapshot {
  /** Every change up to this sequence is in `docs`; a device replicates from here. */
  seq: number | string;
  /** Course and session docs with `_revisions`, ready for `bulkDocs(docs, {new_edits: false})`. */
  docs: Record<string, unknown>[];
}

const SHIPPED = [`${DOC_TYPES.course}:`, `${DOC_TYPES.session}:`];
const isShipped = (id: string): boolean => SHIPPED.some((prefix) => id.startsWith(prefix));

interface BulkGetResult {
  results: { id: string; docs: ({ ok: Record<string, unknown> } | { error: unknown })[] }[];
}

/**
 * The public catalog as a new device needs it. The sequence is read first, so a doc written
 * meanwhile is in the snapshot at least as new as `seq` and comes again by replication, which
 * stores the same revision once: nothing before `seq` is missed. `_bulk_get` with `revs` gives
 * each doc its revision history, so the device's revision tree matches the server's and live
 * replication continues it rather than making conflicts.
 */
export async function readCatalogSnapshot(couch: Couch): Promise<CatalogSnapshot> {
  const db = couch.sync.use(DB.catalog);
  const { update_seq: seq } = await db.info();
  const listed = await db.list();
  const wanted = listed.rows.filter((row) => isShipped(row.id)).map((row) => ({ id: row.id, rev: row.value.rev }));
  if (wanted.length === 0) return { seq, docs: [] };
  const fetched = (await couch.sync.request({ db: DB.catalog, method: 'post', path: '_bulk_get', qs: { revs: true }, body: { docs: wanted } })) as BulkGetResult;
  const docs = fetched.results.flatMap((result) => result.docs.flatMap((entry) => ('ok' in entry ? [entry.ok] : [])));
  return { seq, docs };
}

/** The catalog's current sequence: a snapshot read at it is still current. */
export const catalogSeq = async (couch: Couch): Promise<number | string> => (await couch.sync.use(DB.catalog).info()).update_seq;
