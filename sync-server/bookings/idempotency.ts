import { createHash } from 'node:crypto';
import { bookingDocId } from '../../domain/doc-ids';

/**
 * The booking id for an Idempotency-Key is derived from the owner and the key, so two concurrent
 * retries race for one document id and CouchDB lets exactly one of them create it; no view lookup
 * can lag behind.
 */
export const idempotentBookingId = (owner: string, key: string): string =>
  bookingDocId(createHash('sha256').update(`${owner}\n${key}`).digest('hex').slice(0, 32));
