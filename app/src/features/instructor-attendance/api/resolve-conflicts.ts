import { conflictResolution, type Leaf } from '../../../../../domain/attendance-marks';
import type { AssessmentDoc, AttendanceDoc } from '../../../../../domain/schemas/attendance';

export type MarkDoc = AttendanceDoc | AssessmentDoc;

/**
 * Resolves conflicting revisions of marks on this device: the latest mark wins, the others are
 * kept in history, losing leaves are deleted, and replication carries the result to the server.
 * Every device computes the same merge (domain/attendance-marks), so they converge; the embedded
 * server cannot store conflicts itself, so the devices must do this rather than the server alone.
 */
export async function resolveLocalConflicts(db: PouchDB.Database<MarkDoc>, ids: readonly string[]): Promise<number> {
  let resolved = 0;
  for (const id of ids) {
    const winner = await db.get(id, { conflicts: true }).catch(() => null);
    if (!winner?._conflicts?.length) continue;
    const losers = await Promise.all(winner._conflicts.map((rev) => db.get(id, { rev })));
    const { _conflicts: _omit, ...current } = winner;
    const results = await db.bulkDocs(conflictResolution([current, ...losers] as Leaf<MarkDoc>[]) as unknown as MarkDoc[]);
    if (results.every((result) => !('error' in result && result.error))) resolved++;
  }
  return resolved;
}
