import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import { logIn, signUp } from '../../helpers/build-app';
import { listenTestApp } from '../../helpers/listen';
import { memoryPouch, remotePouch } from '../../helpers/node-pouch';
import { INSTRUCTOR } from '../../helpers/test-couch';

let baseUrl: string;
let app: Awaited<ReturnType<typeof listenTestApp>>['app'];
let customerCookie: string;
let instructorCookie: string;
const courseId = `course:proxy-${process.pid}`;

beforeAll(async () => {
  ({ app, baseUrl } = await listenTestApp());
  customerCookie = (await signUp(app)).cookie;
  instructorCookie = await logIn(app, INSTRUCTOR.email, INSTRUCTOR.password);
  const couch = inject('couch');
  await couchAs(couch.url, couch.sync).use(DB.catalog).insert({ _id: courseId, type: 'course', title: 'Proxy course' } as never);
});
afterAll(() => app.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseUrl}${path}`, { headers });

describe('/db proxy: who may read which database', () => {
  it('lets anyone replicate the public catalog', async () => {
    const local = memoryPouch();
    await local.replicate.from(remotePouch(baseUrl, DB.catalog));
    const doc = await local.get(courseId);
    expect(doc).toMatchObject({ title: 'Proxy course' });
  });

  it('refuses bookings to anonymous callers (401) and customers (403), lets the instructor in', async () => {
    expect((await get(`/db/${DB.bookings}/`)).status).toBe(401);
    const customer = await get(`/db/${DB.bookings}/`, { cookie: customerCookie });
    expect(customer.status).toBe(403);
    expect(await customer.json()).toMatchObject({ error: 'forbidden' });
    expect((await get(`/db/${DB.bookings}/`, { cookie: instructorCookie })).status).toBe(200);
    expect((await get(`/db/${DB.attendance}/`, { cookie: customerCookie })).status).toBe(403);
    expect((await get(`/db/${DB.attendance}/`, { cookie: instructorCookie })).status).toBe(200);
  });

  it('answers 404 for databases it does not serve', async () => {
    for (const db of ['_users', '_replicator', 'rft_other', '_all_dbs', '_config']) {
      const response = await get(`/db/${db}`);
      expect(response.status, db).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found' });
    }
  });

  it('offers only the replication endpoints', async () => {
    const refused = [
      ['GET', `/db/${DB.catalog}/_design/catalog/_view/sessions_by_start`],
      ['POST', `/db/${DB.catalog}/_find`],
      ['PUT', `/db/${DB.catalog}/${courseId}`],
      ['DELETE', `/db/${DB.catalog}`],
      ['PUT', `/db/${DB.catalog}`],
      ['GET', `/db/${DB.catalog}/_security`],
      ['POST', `/db/${DB.catalog}/_compact`],
    ] as const;
    for (const [method, path] of refused) {
      const response = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'endpoint_not_allowed' });
    }
  });

  it('refuses writes to the catalog at the door: anonymous (401), customers and the instructor (403)', async () => {
    const body = JSON.stringify({ docs: [{ _id: 'course:forged', type: 'course', title: 'Forged' }] });
    const headers = { 'content-type': 'application/json' };
    expect((await fetch(`${baseUrl}/db/${DB.catalog}/_bulk_docs`, { method: 'POST', headers, body })).status).toBe(401);
    for (const cookie of [customerCookie, instructorCookie]) {
      const response = await fetch(`${baseUrl}/db/${DB.catalog}/_bulk_docs`, { method: 'POST', headers: { ...headers, cookie }, body });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'forbidden' });
    }
    expect((await get(`/db/${DB.catalog}/course:forged`)).status).toBe(404);
  });

  it('allows only the design-doc filters on _changes', async () => {
    expect((await get(`/db/${DB.catalog}/_changes?filter=catalog/by_course&courseId=${courseId}`)).status).toBe(200);
    expect((await get(`/db/${DB.catalog}/_changes?filter=catalog/nope`)).status).toBe(403);
  });
});
