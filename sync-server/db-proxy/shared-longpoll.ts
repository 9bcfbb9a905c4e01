import { DB } from '../../domain/databases';
import type { Change } from '../feeds/changes';
import type { SharedFeed } from '../feeds/shared-feed';
import type { ParsedRequest } from './operations';

/** CouchDB answers a longpoll with no change after its `timeout`, 60 s unless the caller asks for less. */
const DEFAULT_WAIT_MS = 60_000;

const unquoted = (seq: unknown): string => String(seq).replace(/^"(.*)"$/, '$1');

/**
 * A catalog longpoll this process can answer from its shared changes feed: the catalog reads the
 * same for every caller, and only the plain replication query (no filter, order or conflicts
 * option) is answered that way. Anything else goes to the database as it is.
 */
export function sharesCatalogFeed(db: string, parsed: ParsedRequest): boolean {
  const { query } = parsed;
  return (
    db === DB.catalog &&
    parsed.method === 'GET' &&
    parsed.path === `/${DB.catalog}/_changes` &&
    query.feed === 'longpoll' &&
    query.since !== undefined &&
    query.since !== 'now' &&
    query.filter === undefined &&
    !query.descending &&
    !query.conflicts &&
    query.seq_interval === undefined
  );
}

/** One change as the caller asked for it: its document only with `include_docs`, every leaf with `style=all_docs`. */
function asAsked(change: Change, query: Record<string, unknown>): Change {
  const { doc, ...rest } = change;
  const winner = typeof doc?._rev === 'string' ? [{ rev: doc._rev }] : change.changes.slice(0, 1);
  return {
    ...rest,
    changes: query.style === 'all_docs' ? change.changes : winner,
    ...(query.include_docs && doc ? { doc } : {}),
  };
}

/**
 * The answer to a caller already at the feed's position: the next changes, or none once the wait
 * (its `timeout`, or its `heartbeat`, whichever is shorter) is over. Null when it is behind.
 */
export async function sharedLongpoll(feed: SharedFeed, query: Record<string, unknown>, signal: AbortSignal): Promise<object | null> {
  const since = unquoted(query.since);
  const limit = typeof query.limit === 'number' && query.limit > 0 ? query.limit : Number.POSITIVE_INFINITY;
  const waitMs = Math.min(...[query.timeout, query.heartbeat, DEFAULT_WAIT_MS].filter((ms): ms is number => typeof ms === 'number'));
  const page = await feed.nextChanges(since, limit, waitMs, signal);
  if (!page) return null;
  return { results: page.results.map((change) => asAsked(change, query)), last_seq: page.last_seq };
}
