import type { DocumentScope } from 'nano';
import { resolveMarkConflicts } from './resolve-conflicts';

const BATCH = 500;

/**
 * Follows rft_attendance's changes from a sequence and resolves every document that has more than
 * one leaf revision. Returns the sequence to continue from. Polling, not a live feed: the embedded
 * server ignores longpoll timeouts.
 */
export async function resolveConflictsSince(db: DocumentScope<never>, since: string): Promise<{ since: string; resolved: number }> {
  let resolved = 0;
  let cursor = since;
  for (;;) {
    const page = await db.changes({ since: cursor, style: 'all_docs', limit: BATCH });
    for (const change of page.results) {
      if (change.changes.length > 1 && (await resolveMarkConflicts(db as never, change.id))) resolved++;
    }
    cursor = String(page.last_seq);
    if (page.results.length < BATCH) return { since: cursor, resolved };
  }
}
