import { z } from 'zod';
import type { Seq } from './changes';

/** Where an event stream stands in both databases; the SSE `id:` of every event. */
export interface EventCursor {
  catalog: Seq;
  /** Absent for callers who may not read bookings: their stream never follows that database. */
  bookings: Seq | null;
}

const seq = z.union([z.string().min(1).max(2000), z.number().int().min(0)]);
const encoded = z.tuple([seq, seq.nullable()]);

/** Compact and opaque: base64url of `[catalogSeq, bookingsSeq]`. */
export const encodeCursor = (cursor: EventCursor): string =>
  Buffer.from(JSON.stringify([cursor.catalog, cursor.bookings])).toString('base64url');

/** null when the id was not made by encodeCursor. */
export function decodeCursor(id: string): EventCursor | null {
  try {
    const result = encoded.safeParse(JSON.parse(Buffer.from(id, 'base64url').toString('utf8')));
    return result.success ? { catalog: result.data[0], bookings: result.data[1] } : null;
  } catch {
    return null;
  }
}
