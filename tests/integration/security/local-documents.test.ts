import { describe, expect, it } from 'vitest';
import { ALL_DBS, DB } from '../../../domain/databases';
import { CALLERS, callerUser, judgeAccess } from '../../../sync-server/db-proxy/access';
import { adminGet, json, useGatewayCallers } from './callers';

const gateway = useGatewayCallers();
const { couch } = gateway;

const send = (path: string, init: RequestInit) => fetch(`${gateway.baseUrl}${path}`, init);
let counter = 0;
/** A fresh id in CouchDB's replicator's form (32 hex digits). */
const checkpointId = () => `${process.pid.toString(16).padStart(8, '0')}${Date.now().toString(16).padStart(16, '0')}${(++counter).toString(16).padStart(8, '0')}`.slice(0, 32);

// Issue 11, found 2: `_local/*` writes by any reader, of any size; an anonymous 15 MB `_local` document was stored.
describe('_local documents through the gateway', () => {
  it('stores nothing under _local that is not a replication checkpoint, for anyone', async () => {
    for (const db of ALL_DBS) {
      for (const caller of CALLERS) {
        for (const name of ['_security', 'notes', 'settings', `${checkpointId()}x`, '..%2F_security']) {
          const response = await send(`/db/${db}/_local/${name}`, json('PUT', { last_seq: 0 }, gateway.headers[caller]));
          expect([401, 403], `${caller} ${db} ${name}`).toContain(response.status);
          expect(await response.json()).toHaveProperty('message');
        }
      }
    }
    expect((await adminGet(couch, `/${DB.catalog}/_local/notes`)).status).toBe(404);
  });

  it('lets only signed-in readers store checkpoints, and never an anonymous one', async () => {
    for (const db of ALL_DBS) {
      for (const caller of CALLERS) {
        const id = checkpointId();
        const response = await send(`/db/${db}/_local/${id}`, json('PUT', { _id: `_local/${id}`, session_id: 's1', source_last_seq: 0, history: [] }, gateway.headers[caller]));
        const allowed = judgeAccess(callerUser(caller), db, 'checkpoint') === 'ok';
        expect(response.status, `${caller} ${db}`).toBe(allowed ? 201 : caller === 'anonymous' ? 401 : 403);
        expect((await adminGet(couch, `/${db}/_local/${id}`)).status, `${caller} ${db}`).toBe(allowed ? 200 : 404);
      }
    }
  });

  it('refuses a 15 MB _local document: anonymous at the door, a signed-in reader over the checkpoint cap', async () => {
    const id = checkpointId();
    const huge = { _id: `_local/${id}`, session_id: 'x'.repeat(15 * 1024 * 1024) };
    const anonymous = await send(`/db/${DB.catalog}/_local/${id}`, json('PUT', huge));
    expect(anonymous.status).toBe(401);
    const customer = await send(`/db/${DB.catalog}/_local/${id}`, json('PUT', huge, gateway.headers.customer));
    expect(customer.status).toBe(400);
    const longSeq = `1-${'c'.repeat(4000)}`;
    const entry = { session_id: 's', recorded_seq: longSeq, start_last_seq: longSeq, end_last_seq: longSeq };
    const overCap = await send(`/db/${DB.catalog}/_local/${id}`, json('PUT', { _id: `_local/${id}`, history: [entry] }, gateway.headers.customer));
    expect(overCap.status).toBe(413);
    expect(await overCap.json()).toMatchObject({ error: 'payload_too_large' });
    expect((await adminGet(couch, `/${DB.catalog}/_local/${id}`)).status).toBe(404);
  });

  it("keeps the newest history entries that fit when a cluster's long sequences would pass the cap", async () => {
    const id = checkpointId();
    const history = Array.from({ length: 5 }, (_, i) => ({ session_id: `session-${i}`, recorded_seq: `${i + 1}-${'c'.repeat(3000)}` }));
    const response = await send(`/db/${DB.catalog}/_local/${id}`, json('PUT', { _id: `_local/${id}`, session_id: 'session-0', history }, gateway.headers.customer));
    expect(response.status).toBe(201);
    const stored = (await adminGet(couch, `/${DB.catalog}/_local/${id}`)).body as { history: { session_id: string }[] };
    expect(stored.history.map((entry) => entry.session_id)).toEqual(['session-0', 'session-1']);
  });

  it('answers a body over the replication limit with a JSON 413 that names the limit', async () => {
    const id = checkpointId();
    const response = await send(`/db/${DB.catalog}/_local/${id}`, json('PUT', { session_id: 'x'.repeat(17 * 1024 * 1024) }, gateway.headers.customer));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'payload_too_large', message: expect.stringContaining('16 MiB') });
  });

  it("keeps only the newest sessions of a CouchDB replicator's 50-session history", async () => {
    const id = checkpointId();
    const history = Array.from({ length: 50 }, (_, i) => ({ session_id: `session-${i}`, recorded_seq: 50 - i, docs_read: i, docs_written: i }));
    const response = await send(`/db/${DB.bookings}/_local/${id}`, json('PUT', { _id: `_local/${id}`, session_id: 'session-0', source_last_seq: 50, replication_id_version: 4, history }, gateway.headers.service));
    expect(response.status).toBe(201);
    const stored = await adminGet(couch, `/${DB.bookings}/_local/${id}`);
    expect((stored.body.history as { session_id: string }[]).map((entry) => entry.session_id)).toEqual(['session-0', 'session-1', 'session-2', 'session-3', 'session-4']);
  });
});
