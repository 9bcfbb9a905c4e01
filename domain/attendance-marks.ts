import type { PastMark } from './schemas/attendance';

/** Fields that say which attendee (and day) a document is about; everything else but history is the mark. */
const IDENTITY_KEYS = new Set(['_id', 'type', 'sessionId', 'bookingId', 'attendee', 'day', 'sessionStart']);
const NOT_MARK_KEYS = new Set([...IDENTITY_KEYS, '_rev', '_conflicts', '_revisions', '_deleted', 'history']);

export interface MarkedDoc {
  _id: string;
  markedBy: string;
  markedAt: string;
  history?: PastMark[];
}

/** The mark a document carries now, without its identity or history. */
export const markOf = (doc: MarkedDoc): PastMark =>
  Object.fromEntries(Object.entries(doc).filter(([key, value]) => !NOT_MARK_KEYS.has(key) && value !== undefined)) as PastMark;

/** Canonical JSON (sorted keys), so equal marks from different devices compare equal. */
const keyOf = (mark: PastMark): string =>
  JSON.stringify(Object.keys(mark).sort().map((key) => [key, (mark as Record<string, unknown>)[key]]));

/**
 * Orders marks oldest first: by markedAt as an instant, then markedBy, then content. A total order,
 * so every device and the server pick the same latest mark from the same set.
 */
export function compareMarks(a: PastMark, b: PastMark): number {
  const byTime = Date.parse(a.markedAt) - Date.parse(b.markedAt);
  if (byTime !== 0) return byTime;
  if (a.markedBy !== b.markedBy) return a.markedBy < b.markedBy ? -1 : 1;
  const [ka, kb] = [keyOf(a), keyOf(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Merges revisions of one document (conflicting leaves, or the stored doc and a new mark): the
 * latest mark wins and every other mark ever seen is kept in `history`, oldest first. Idempotent
 * and order-independent, so devices and the server converge on the same content.
 */
export function mergeMarks<T extends MarkedDoc>(revisions: readonly T[]): T {
  const [first] = revisions;
  if (!first) throw new Error('mergeMarks needs at least one revision');
  const marks = new Map<string, PastMark>();
  for (const revision of revisions) {
    for (const mark of [...(revision.history ?? []), markOf(revision)]) marks.set(keyOf(mark), mark);
  }
  const ordered = [...marks.values()].sort(compareMarks);
  const latest = ordered.pop()!;
  const identity = Object.fromEntries(Object.entries(first).filter(([key]) => IDENTITY_KEYS.has(key)));
  return { ...identity, ...latest, history: ordered } as unknown as T;
}

export type Leaf<T> = T & { _rev: string };
export type Deletion = { _id: string; _rev: string; _deleted: true };

/**
 * The writes that resolve conflicting leaves of one document: the merge, written on the leaf that
 * holds the winning mark (so that mark's author stays unchanged on the revision it extends, which
 * validate_doc_update checks), and a deletion of every other leaf. Device and server write the same.
 */
export function conflictResolution<T extends MarkedDoc>(leaves: readonly Leaf<T>[]): [Leaf<T>, ...Deletion[]] {
  const ordered = [...leaves].sort((a, b) => (a._rev < b._rev ? -1 : a._rev > b._rev ? 1 : 0));
  const merged = mergeMarks(ordered);
  const winning = keyOf(markOf(merged));
  const base = ordered.find((leaf) => keyOf(markOf(leaf)) === winning) ?? ordered[0]!;
  const others = ordered.filter((leaf) => leaf !== base).map((leaf): Deletion => ({ _id: leaf._id, _rev: leaf._rev, _deleted: true }));
  return [{ ...merged, _rev: base._rev }, ...others];
}
