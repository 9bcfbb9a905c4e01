import { createHash, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Account } from '../../couch/setup/credentials';
import type { Seq } from './changes';

/** Where an event stream stands in both databases; the SSE `id:` of every event. */
export interface EventCursor {
  catalog: Seq;
  /** Absent for callers who may not read bookings: their stream never follows that database. */
  bookings: Seq | null;
}

const seq = z.union([z.string().min(1).max(2000), z.number().int().min(0)]);
const encoded = z.tuple([seq, seq.nullable()]);

/**
 * The key that signs cursors. Derived from the sync-server's own account, which every process on
 * one CouchDB shares and which survives restarts, so an id stays valid for whichever process a
 * client reconnects to.
 */
export const cursorKey = (sync: Account): KeyObject =>
  createSecretKey(createHash('sha256').update(`rft event cursor\n${sync.name}\n${sync.password}`).digest('hex'), 'hex');

const mac = (payload: string, key: KeyObject): Uint8Array => new Uint8Array(createHmac('sha256', key).update(payload).digest().subarray(0, 16));

/** Compact and opaque: base64url of `[catalogSeq, bookingsSeq]`, then a MAC, so only ids this server sent are accepted. */
export function encodeCursor(cursor: EventCursor, key: KeyObject): string {
  const payload = Buffer.from(JSON.stringify([cursor.catalog, cursor.bookings])).toString('base64url');
  return `${payload}.${Buffer.from(mac(payload, key)).toString('base64url')}`;
}

/** null when the id was not made by encodeCursor with this key, however well-formed it looks. */
export function decodeCursor(id: string, key: KeyObject): EventCursor | null {
  const [payload, signature, ...rest] = id.split('.');
  if (!payload || !signature || rest.length) return null;
  const given = new Uint8Array(Buffer.from(signature, 'base64url'));
  const expected = mac(payload, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const result = encoded.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return result.success ? { catalog: result.data[0], bookings: result.data[1] } : null;
  } catch {
    return null;
  }
}
