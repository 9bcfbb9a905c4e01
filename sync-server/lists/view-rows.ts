import type { DocumentScope } from 'nano';
import type { PageSource } from './read-page';

export interface ViewRange {
  /** Leading key parts every row shares (an owner, a session): left out of the keys a cursor carries. */
  prefix?: unknown[];
  /** The first key, included, and the last, left out; without the prefix. */
  start: unknown[];
  end: unknown[];
  descending?: boolean;
}

/** `PageSource.rows` over a view whose keys are arrays, read with their documents. */
export function viewRows<D>(db: DocumentScope<D>, ddoc: string, view: string, range: ViewRange): PageSource<unknown>['rows'] {
  const prefix = range.prefix ?? [];
  return async (start, count) => {
    const result = await db.view(ddoc, view, {
      startkey: [...prefix, ...((start as unknown[] | undefined) ?? range.start)],
      endkey: [...prefix, ...range.end],
      inclusive_end: false,
      include_docs: true,
      limit: count,
      ...(range.descending ? { descending: true } : {}),
    });
    return result.rows.map((row) => ({ key: (row.key as unknown as unknown[]).slice(prefix.length), doc: row.doc }));
  };
}
