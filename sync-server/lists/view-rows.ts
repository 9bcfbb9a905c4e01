import type { DocumentScope } from 'nano';
import type { PageSource } from './read-page';

export interface ViewRange {
  /** Leading key parts every row shares (an owner, a session): left out of the keys a cursor carries. */
  prefix?: unknown[];
  /** The first key, included, and the last, left out; without the prefix. */
  start: unknown[];
  end: unknown[];
  descending?: boolean;
  /** Read the rows' documents too (the default); without them a row carries the view's value only, which is much cheaper to read. */
  docs?: boolean;
}

/** `PageSource.rows` over a view whose keys are arrays, read with their documents unless `docs` is false. */
export function viewRows<D>(db: DocumentScope<D>, ddoc: string, view: string, range: ViewRange): PageSource<unknown>['rows'] {
  const prefix = range.prefix ?? [];
  return async (start, count) => {
    const result = await db.view(ddoc, view, {
      startkey: [...prefix, ...((start as unknown[] | undefined) ?? range.start)],
      endkey: [...prefix, ...range.end],
      inclusive_end: false,
      include_docs: range.docs ?? true,
      limit: count,
      ...(range.descending ? { descending: true } : {}),
    });
    return result.rows.map((row) => ({ key: (row.key as unknown as unknown[]).slice(prefix.length), value: row.value, doc: row.doc }));
  };
}
