import { describe, expect, it } from 'vitest';
import { certificatesQuery, expiringQuery } from '../../../domain/schemas/attendance';
import { bookingsQuery } from '../../../domain/schemas/booking';
import { resolveWindow } from '../../../domain/schemas/lists';
import { coursesQuery, sessionsQuery } from '../../../domain/schemas/scheduling';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('list queries', () => {
  it('take a limit from 1 to 500, 100 by default', () => {
    expect(coursesQuery.parse({})).toEqual({ limit: 100 });
    expect(sessionsQuery.parse({ limit: '500' }).limit).toBe(500);
    for (const limit of ['0', '501', '2.5', 'ten', '']) {
      expect(messages(sessionsQuery.safeParse({ limit })), limit).toEqual(['limit: Give a whole number from 1 to 500.']);
    }
  });

  it('refuse a window whose end is not after its start', () => {
    expect(messages(sessionsQuery.safeParse({ from: '2031-06-02', to: '2031-06-02' }))).toEqual(['to: to must be after from.']);
    expect(messages(bookingsQuery.safeParse({ from: '2031-06-02', to: '2031-06-01' }))).toEqual(['to: to must be after from.']);
    expect(messages(certificatesQuery.safeParse({ from: '2031-06-02', to: '2031-06-01' }))).toEqual(['to: to must not be before from.']);
    expect(certificatesQuery.parse({ from: '2031-06-02', to: '2031-06-02' })).toMatchObject({ from: '2031-06-02', to: '2031-06-02' });
  });

  it('take one session or a window of bookings, not both', () => {
    expect(bookingsQuery.parse({ sessionId: 'session:s1' })).toEqual({ sessionId: 'session:s1', limit: 100 });
    expect(messages(bookingsQuery.safeParse({ sessionId: 'session:s1', from: '2031-06-01' }))?.[0]).toMatch(/^sessionId: Give sessionId or a from\/to window, not both/);
  });

  it('keep the days of the expiring list within a year', () => {
    expect(expiringQuery.parse({})).toEqual({ days: 90, limit: 100 });
    expect(messages(expiringQuery.safeParse({ days: '0' }))).toEqual(['days: Give a whole number of days from 1 to 366.']);
  });
});

describe('resolveWindow', () => {
  const now = new Date('2031-06-15T10:00:00Z');
  it('is the 90 days from London midnight today when the query names no end', () => {
    expect(resolveWindow({}, now)).toEqual({ from: '2031-06-14T23:00:00.000Z', to: '2031-09-12T23:00:00.000Z' });
  });
  it('reaches 90 London days from the one end the query names, and keeps both when both are named', () => {
    const [newYear, april] = ['2031-01-01T00:00:00.000Z', '2031-03-31T23:00:00.000Z'];
    expect(resolveWindow({ from: newYear }, now)).toEqual({ from: newYear, to: april });
    expect(resolveWindow({ to: april }, now)).toEqual({ from: newYear, to: april });
    expect(resolveWindow({ from: '2020-01-01T00:00:00.000Z', to: '2040-01-01T00:00:00.000Z' }, now)).toEqual({ from: '2020-01-01T00:00:00.000Z', to: '2040-01-01T00:00:00.000Z' });
  });
});
