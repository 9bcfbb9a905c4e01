import { describe, expect, it } from 'vitest';
import { bookingRequest } from '../../../domain/schemas/booking';

describe('bookingRequest', () => {
  it('takes 1 to 12 attendees, each with a name and an optional email', () => {
    const parsed = bookingRequest.parse({ sessionId: 'session:1', attendees: [{ name: ' Ada ', email: 'ADA@Example.com' }, { name: 'Bob' }] });
    expect(parsed.attendees).toEqual([{ name: 'Ada', email: 'ada@example.com' }, { name: 'Bob' }]);
  });

  it('refuses no attendees, more than 12, a blank name and a malformed email', () => {
    const named = (count: number) => Array.from({ length: count }, () => ({ name: 'A' }));
    expect(bookingRequest.safeParse({ sessionId: 's', attendees: [] }).success).toBe(false);
    expect(bookingRequest.safeParse({ sessionId: 's', attendees: named(13) }).success).toBe(false);
    expect(bookingRequest.safeParse({ sessionId: 's', attendees: [{ name: ' ' }] }).success).toBe(false);
    expect(bookingRequest.safeParse({ sessionId: 's', attendees: [{ name: 'A', email: 'nope' }] }).success).toBe(false);
    expect(bookingRequest.safeParse({ sessionId: 's', attendees: named(12) }).success).toBe(true);
  });
});
