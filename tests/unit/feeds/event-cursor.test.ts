import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../sync-server/feeds/event-cursor';

describe('event cursor', () => {
  it('round-trips numeric and CouchDB 3 string sequences', () => {
    for (const cursor of [{ catalog: 12, bookings: 7 }, { catalog: '34-g1AAAAFTeJzL', bookings: null }]) {
      const id = encodeCursor(cursor);
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(id)).toEqual(cursor);
    }
  });

  it('refuses ids it did not make', () => {
    for (const id of ['', 'abc', Buffer.from('{"catalog":1}').toString('base64url'), Buffer.from('[-1,null]').toString('base64url')]) {
      expect(decodeCursor(id), id).toBeNull();
    }
  });
});
