import { z } from 'zod';
import type { DbName } from '../../domain/databases';
import { bool, courseId, docId, instant, int, json, seq } from './wire';

/** What replication sends to `_changes`: PouchDB 9 (GET, longpoll) and CouchDB 3's replicator (normal or continuous). */
const common = {
  feed: z.enum(['normal', 'longpoll', 'continuous']).optional(),
  since: seq.optional(),
  limit: int(0, 10_000).optional(),
  heartbeat: int(1_000, 60_000).optional(),
  timeout: int(0, 120_000).optional(),
  style: z.enum(['main_only', 'all_docs']).optional(),
  include_docs: bool.optional(),
  conflicts: bool.optional(),
  descending: bool.optional(),
  seq_interval: int(1, 10_000).optional(),
};

const window = { from: instant.optional(), to: instant.optional() };

/**
 * The query parameters of each design-doc filter (design-docs/<db>/<ddoc>/filters/<name>.js).
 * A filter the gateway has no entry for is refused, so a new filter needs its parameters here.
 */
export const FILTER_PARAMS: Record<string, z.ZodRawShape> = {
  'catalog/by_course': { courseId },
  'catalog/window': window,
  'bookings/feed': { courseId: courseId.optional(), ...window },
  'bookings/roster': window,
  'attendance/roster': window,
};

export const docIdList = z.array(docId).min(1).max(1_000);

export type ChangesQuery = z.infer<z.ZodObject<typeof common>> & { filter?: string; doc_ids?: string[] } & Record<string, unknown>;

/** The query schema for one `_changes` request, chosen by its `filter`; null when that filter is not offered. */
export function changesQuerySchema(filter: unknown, db: DbName, filters: Record<DbName, readonly string[]>): z.ZodType<ChangesQuery> | null {
  if (filter === undefined) return z.strictObject(common);
  if (filter === '_doc_ids') {
    return z.strictObject({ ...common, filter: z.literal('_doc_ids'), doc_ids: json(docIdList).optional() });
  }
  if (typeof filter !== 'string' || !filters[db].includes(filter) || !FILTER_PARAMS[filter]) return null;
  return z.strictObject({ ...common, filter: z.literal(filter), ...FILTER_PARAMS[filter] }) as z.ZodType<ChangesQuery>;
}

export const docIdsBody = z.strictObject({ doc_ids: docIdList });
