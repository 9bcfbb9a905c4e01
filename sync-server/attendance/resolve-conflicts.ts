import type { DocumentScope } from 'nano';
import { isNotFound } from '../../couch/client';
import { conflictResolution, type Leaf, type MarkedDoc } from '../../domain/attendance-marks';
import { DOC_TYPES } from '../../domain/doc-ids';

type Stored = Leaf<MarkedDoc> & { type?: string; _conflicts?: string[] };

const isMark = (doc: Stored): boolean => doc.type === DOC_TYPES.attendance || doc.type === DOC_TYPES.assessment;

/**
 * On Apache CouchDB, two devices that marked the same attendee offline leave conflicting
 * revisions. This merges them exactly as a device does (latest mark wins, the others go to
 * history; see conflictResolution) in one _bulk_docs. Returns false when there was nothing to
 * resolve or another writer got there first (the next pass retries).
 */
export async function resolveMarkConflicts(db: DocumentScope<Stored>, id: string): Promise<boolean> {
  const winner = await db.get(id, { conflicts: true }).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  if (!winner?._conflicts?.length || !isMark(winner)) return false;
  const { _conflicts: losingRevs, ...current } = winner;
  const losers = await Promise.all(losingRevs.map((rev) => db.get(id, { rev })));
  const results = await db.bulk({ docs: conflictResolution([current, ...losers]) as Stored[] });
  return results.every((result) => !result.error);
}
