import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { couchAs } from '../../../couch/client';
import { ALL_DBS, DB } from '../../../domain/databases';
import { revokeServiceAccount } from '../../../sync-server/accounts/service-accounts';
import { as, signUp, type TestApp } from '../../helpers/build-app';
import { insertCourseWithSession } from '../../helpers/catalog-fixtures';
import { listenTestApp } from '../../helpers/listen';
import { newServiceAccount } from './accounts';
import { openSse } from './sse';

const couch = inject('couch');
let app: TestApp;
let baseUrl: string;

beforeAll(async () => {
  ({ app, baseUrl } = await listenTestApp());
});
afterAll(() => app.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseUrl}${path}`, { headers });
const logInAs = async (name: string, password: string) => {
  const response = await fetch(`${couch.url}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
};

describe('service accounts on the feeds', () => {
  it('read the catalog and bookings, with basic auth or a session cookie, but not attendance', async () => {
    const account = await newServiceAccount(couch);
    const cookie = await logInAs(account.name, account.password);
    for (const headers of [account.headers, { cookie }]) {
      expect((await get(`/db/${DB.catalog}/_changes?limit=1`, headers)).status).toBe(200);
      expect((await get(`/db/${DB.bookings}/_changes?filter=bookings/feed&limit=1`, headers)).status).toBe(200);
      const attendance = await get(`/db/${DB.attendance}/_changes`, headers);
      expect(attendance.status).toBe(403);
      expect(await attendance.json()).toMatchObject({ error: 'forbidden' });
    }
  });

  it('cannot write anything anywhere', async () => {
    const account = await newServiceAccount(couch);
    const headers = { ...account.headers, 'content-type': 'application/json' };
    for (const db of ALL_DBS) {
      const docs = [{ _id: `booking:forged-${account.name}`, type: 'booking' }, { _id: `course:forged-${account.name}`, type: 'course' }];
      const response = await fetch(`${baseUrl}/db/${db}/_bulk_docs`, { method: 'POST', headers, body: JSON.stringify({ docs }) });
      if (response.status === 201) {
        const results = (await response.json()) as { error?: string }[];
        expect(results.map((result) => result.error), db).toEqual(['forbidden', 'forbidden']);
      } else {
        expect(response.status, db).toBe(403);
      }
      const put = await fetch(`${baseUrl}/db/${db}/course:forged-${account.name}`, { method: 'PUT', headers, body: '{}' });
      expect(put.status, db).toBe(403);
    }
    const admin = couchAs(couch.url, couch.admin);
    for (const db of ALL_DBS) {
      const found = await admin.use(db).fetch({ keys: [`booking:forged-${account.name}`, `course:forged-${account.name}`] });
      expect(found.rows.every((row) => 'error' in row), db).toBe(true);
    }
    expect((await fetch(`${baseUrl}/api/courses`, { method: 'POST', headers, body: '{}' })).status).toBe(403);
  });

  it('anonymous callers cannot read bookings', async () => {
    for (const path of [`/db/${DB.bookings}/_changes`, `/db/${DB.bookings}/_all_docs`, `/db/${DB.bookings}/`]) {
      const response = await get(path);
      expect(response.status, path).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  it('a revoked account is refused at once: basic auth, its cookie, and its open event stream', async () => {
    const account = await newServiceAccount(couch);
    const cookie = await logInAs(account.name, account.password);
    expect((await get(`/db/${DB.bookings}/`, account.headers)).status).toBe(200);
    const stream = await openSse(`${baseUrl}/api/events`, account.headers);
    await stream.until(() => stream.lastId() !== '');

    expect(await revokeServiceAccount(couchAs(couch.url, couch.admin), account.name)).toBe('revoked');
    // Other files book on the same server: what the stream carried before the revocation is no concern here.
    const beforeRevocation = (await stream.until(() => true)).length;
    expect((await get(`/db/${DB.bookings}/`, account.headers)).status).toBe(401);
    expect((await get(`/db/${DB.bookings}/`, { cookie })).status).toBe(401);
    expect((await get(`/db/${DB.catalog}/`, account.headers)).status).toBe(401);

    const { session } = await insertCourseWithSession(couch, { title: 'Revocation course', start: new Date(Date.UTC(2032, 5, 1 + (process.pid % 25), 9)) });
    const customer = (await signUp(app)).cookie;
    const booked = await app.inject(as(customer, { method: 'POST', url: '/api/bookings', payload: { sessionId: session._id, attendees: [{ name: 'A' }] } }));
    expect(booked.statusCode).toBe(201);
    // The stream may carry the session's update, or end first when the booking makes it re-check the
    // revoked credentials; either way it must never deliver the booking.
    const updated = (seen: { event: string; data: unknown }[]) =>
      seen.some((event) => (event.data as { sessionId?: string }).sessionId === session._id && event.event === 'session-update');
    await stream.until((seen) => stream.ended() || updated(seen));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const events = (await stream.until(() => true)).slice(beforeRevocation);
    expect(events.some((event) => event.event === 'booking-confirmed')).toBe(false);
    stream.close();
  });

  it('the revoke command leaves people alone', async () => {
    const { email } = await signUp(app);
    expect(await revokeServiceAccount(couchAs(couch.url, couch.admin), email)).toBe('not_a_service_account');
    expect(await revokeServiceAccount(couchAs(couch.url, couch.admin), `nobody-${process.pid}`)).toBe('not_found');
  });
});
