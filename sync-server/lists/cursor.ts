import { createHash, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Account } from '../../couch/setup/credentials';
import { invalidField } from '../catalog/errors';
import { derivedKey, signJson, verifyJson } from '../signed-tokens';
import { readPage, type PagePosition, type PageSource } from './read-page';

/** Signs list cursors; derived like the event cursors' key, so any process of one installation accepts them. */
export const listCursorKey = (sync: Account): KeyObject => derivedKey(sync, 'list cursor');

/** The request a page answers: a cursor is good only for the list, filters and caller it was made for. */
export interface PageRequest {
  list: string;
  /** The query without `limit` and `cursor`, as parsed. */
  filters: Record<string, unknown>;
  caller: string | null;
  cursor: string | undefined;
}

const state = z.object({
  /** A hash of the list, filters and caller: cursors travel in URLs, so they carry no email address. */
  for: z.string(),
  /** What the first page settled that later pages keep, such as its date window. */
  scope: z.unknown().optional(),
  at: z.object({ key: z.unknown(), taken: z.number().int().min(0).optional() }),
});
type CursorState = z.infer<typeof state>;

const subject = (request: PageRequest): string =>
  createHash('sha256').update(JSON.stringify([request.list, request.filters, request.caller])).digest('base64url').slice(0, 22);

const badCursor = () =>
  invalidField('cursor', 'This cursor was not given for this list and query. Ask again with the same query as the page that named it, or without a cursor.');

function decode(raw: string, key: KeyObject): CursorState | null {
  const parsed = state.safeParse(verifyJson(raw, key));
  return parsed.success ? parsed.data : null;
}

/**
 * Opaque, signed page cursors. A cursor carries the scope its first page settled (its date window),
 * so paging through a default window ("the next 90 days") keeps it even when the date changes meanwhile.
 */
export class ListCursors {
  constructor(private readonly key: KeyObject) {}

  /** The scope and position this request continues from; without a cursor, a fresh scope and the start. */
  private open<S>(request: PageRequest, freshScope: () => S): { scope: S; after: PagePosition | null } {
    if (request.cursor === undefined) return { scope: freshScope(), after: null };
    const opened = decode(request.cursor, this.key);
    if (!opened || opened.for !== subject(request)) throw badCursor();
    return { scope: opened.scope as S, after: opened.at };
  }

  /** One page of `limit` items for this request, its scope, and the cursor of the page after it. */
  async page<S, Item>(request: PageRequest, limit: number, freshScope: () => S, source: (scope: S) => PageSource<Item>) {
    const { scope, after } = this.open(request, freshScope);
    const { items, next } = await readPage(source(scope), limit, after);
    return { scope, items, next: this.next(request, scope, next) };
  }

  /** The `next` of a page: null after the last one. */
  private next(request: PageRequest, scope: unknown, at: PagePosition | null): string | null {
    if (!at) return null;
    return signJson({ for: subject(request), scope, at }, this.key);
  }
}
