import { describe, expect, it } from 'vitest';
import { cursorKey, decodeCursor, encodeCursor } from '../../../sync-server/feeds/event-cursor';

const key = cursorKey({ name: 'rft_sync_server', password: 'one-secret' });
const otherKey = cursorKey({ name: 'rft_sync_server', password: 'another-secret' });
const payload = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('event cursor', () => {
  it('round-trips numeric and CouchDB 3 string sequences', () => {
    for (const cursor of [{ catalog: 12, bookings: 7 }, { catalog: '34-g1AAAAFTeJzL', bookings: null }]) {
      const id = encodeCursor(cursor, key);
      expect(id).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(decodeCursor(id, key)).toEqual(cursor);
    }
  });

  it('refuses ids it did not make', () => {
    for (const id of ['', 'abc', payload({ catalog: 1 }), payload([-1, null]), `${payload([-1, null])}.AAAA`]) {
      expect(decodeCursor(id, key), id).toBeNull();
    }
  });

  it('refuses a well-formed id that was never issued: forged, altered, or signed by another installation', () => {
    const issued = encodeCursor({ catalog: 12, bookings: null }, key);
    const [, signature] = issued.split('.');
    expect(decodeCursor(payload([12, null]), key)).toBeNull();
    expect(decodeCursor(`${payload([999_999, 5])}.${signature}`, key)).toBeNull();
    expect(decodeCursor(`${issued}.${signature}`, key)).toBeNull();
    expect(decodeCursor(issued, otherKey)).toBeNull();
  });
});
