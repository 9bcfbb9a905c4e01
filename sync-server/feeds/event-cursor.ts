import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Account } from '../../couch/setup/credentials';
import { derivedKey, signJson, verifyJson } from '../signed-tokens';
import type { Seq } from './changes';

/** Where an event stream stands in both databases; the SSE `id:` of every event. */
export interface EventCursor {
  catalog: Seq;
  /** Absent for callers who may not read bookings: their stream never follows that database. */
  bookings: Seq | null;
}

const seq = z.union([z.string().min(1).max(2000), z.number().int().min(0)]);
const encoded = z.tuple([seq, seq.nullable()]);

/** The key that signs event ids. */
export const cursorKey = (sync: Account): KeyObject => derivedKey(sync, 'event cursor');

/** `[catalogSeq, bookingsSeq]`, signed. */
export const encodeCursor = (cursor: EventCursor, key: KeyObject): string => signJson([cursor.catalog, cursor.bookings], key);

/** null when the id was not made by encodeCursor with this key, however well-formed it looks. */
export function decodeCursor(id: string, key: KeyObject): EventCursor | null {
  const result = encoded.safeParse(verifyJson(id, key));
  return result.success ? { catalog: result.data[0], bookings: result.data[1] } : null;
}
