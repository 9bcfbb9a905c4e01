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

/** A leaf revision as a one-entry history: `3-abc` → `{start: 3, ids: ['abc']}`. */
const leafRevisions = (rev: string): { start: number; ids: string[] } => {
  const dash = rev.indexOf('-');
  return { start: Number(rev.slice(0, dash)), ids: [rev.slice(dash + 1)] };
};

/**
 * The public catalog as a new device needs it. The sequence is read first, so a doc written
 * meanwhile is in the snapshot at least as new as `seq` and comes again by replication, which
 * stores the same revision once: nothing before `seq` is missed. Each doc carries its leaf revision
 * as `_revisions` (a history stemmed to one entry, as CouchDB's revs_limit stems it): the device's
 * revision tree then holds the server's revision, so live replication extends it rather than making
 * a conflict. One `_all_docs` read: `_bulk_get` with full histories took four times as long.
 */
export async function readCatalogSnapshot(couch: Couch): Promise<CatalogSnapshot> {
  const db = couch.sync.use<Record<string, unknown>>(DB.catalog);
  const { update_seq: seq } = await db.info();
  const listed = await db.list({ include_docs: true });
  const docs = listed.rows.flatMap((row) =>
    isShipped(row.id) && row.doc ? [{ ...row.doc, _revisions: leafRevisions(row.doc._rev) }] : [],
  );
  return { seq, docs };
}

/** The catalog's current sequence: a snapshot read at it is still current. */
export const catalogSeq = async (couch: Couch): Promise<number | string> => (await couch.sync.use(DB.catalog).info()).update_seq;
