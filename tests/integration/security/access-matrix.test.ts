import { beforeAll, describe, expect, it } from 'vitest';
import { basicAuth } from '../../../couch/client';
import { compileDesignDocs } from '../../../design-docs/compile';
import { ALL_DBS, type DbName } from '../../../domain/databases';
import { CALLERS, callerUser, judgeAccess, type Caller } from '../../../sync-server/db-proxy/access';
import { OPERATIONS } from '../../../sync-server/db-proxy/operations';
import { useGatewayCallers } from './callers';

const gateway = useGatewayCallers();
const { couch } = gateway;
const designDoc = (db: DbName): string => compileDesignDocs()[db][0]!._id;
const hex = (text: string) => Buffer.from(text).toString('hex').padEnd(32, '0').slice(0, 32);
const run = `${process.pid}-${Date.now().toString(36)}`;
const storedCheckpoint = hex(`stored-${run}`);

beforeAll(async () => {
  for (const db of ALL_DBS) {
    const response = await fetch(`${couch.url}/${db}/_local/${storedCheckpoint}`, {
      method: 'PUT',
      headers: { authorization: basicAuth(couch.admin), 'content-type': 'application/json' },
      body: JSON.stringify({ session_id: 'matrix', last_seq: 0, history: [] }),
    });
    expect(response.status).toBe(201);
  }
});

interface Sample {
  method: string;
  path: string;
  body?: unknown;
}

/** One well-formed request per operation of the allowlist, as replication would send it. */
const samples: Record<string, (db: DbName, caller: Caller) => Sample> = {
  'database info': (db) => ({ method: 'GET', path: `/${db}/` }),
  _changes: (db) => ({ method: 'GET', path: `/${db}/_changes?style=all_docs&limit=1&since=0` }),
  _revs_diff: (db) => ({ method: 'POST', path: `/${db}/_revs_diff`, body: { [designDoc(db)]: [`1-${'a'.repeat(32)}`] } }),
  _bulk_get: (db) => ({ method: 'POST', path: `/${db}/_bulk_get?revs=true&latest=true`, body: { docs: [{ id: designDoc(db) }] } }),
  _all_docs: (db) => ({ method: 'POST', path: `/${db}/_all_docs?include_docs=true`, body: { keys: [designDoc(db)] } }),
  document: (db) => ({ method: 'GET', path: `/${db}/${designDoc(db)}?revs=true` }),
  'read checkpoint': (db) => ({ method: 'GET', path: `/${db}/_local/${storedCheckpoint}` }),
  'write checkpoint': (db, caller) => ({
    method: 'PUT',
    path: `/${db}/_local/${hex(`${caller}-${db}-${run}`)}`,
    body: { session_id: caller, source_last_seq: 0, replication_id_version: 4, history: [] },
  }),
  _ensure_full_commit: (db) => ({ method: 'POST', path: `/${db}/_ensure_full_commit` }),
  _bulk_docs: (db, caller) => ({
    method: 'POST',
    path: `/${db}/_bulk_docs`,
    body: { new_edits: false, docs: [{ _id: `matrix:${caller}:${run}`, _rev: `1-${'b'.repeat(32)}`, _revisions: { start: 1, ids: ['b'.repeat(32)] }, _deleted: true }] },
  }),
};

describe('/db gateway: role × database × operation, from the allowlist the gateway uses', () => {
  it('has a sample request for every operation of the allowlist', () => {
    expect(Object.keys(samples).sort()).toEqual(OPERATIONS.map((operation) => operation.name).sort());
  });

  for (const caller of CALLERS) {
    for (const db of ALL_DBS) {
      it(`${caller} on ${db}`, async () => {
        for (const operation of OPERATIONS) {
          const sample = samples[operation.name]!(db, caller);
          const response = await fetch(`${gateway.baseUrl}/db${sample.path}`, {
            method: sample.method,
            headers: { ...gateway.headers[caller], ...(sample.body !== undefined && { 'content-type': 'application/json' }) },
            body: sample.body === undefined ? undefined : JSON.stringify(sample.body),
          });
          const verdict = judgeAccess(callerUser(caller), db, operation.access);
          const what = `${caller} ${operation.name} on ${db}`;
          if (verdict === 'ok') {
            expect([200, 201], what).toContain(response.status);
            await response.body?.cancel();
          } else {
            expect(response.status, what).toBe(verdict === 'login_required' ? 401 : 403);
            expect(await response.json(), what).toMatchObject({ error: expect.any(String), message: expect.any(String) });
          }
        }
      });
    }
  }

  it('holds the rules the README promises, whatever the table says', () => {
    const allows = (caller: Caller, db: DbName, access: 'read' | 'checkpoint' | 'write') => judgeAccess(callerUser(caller), db, access) === 'ok';
    for (const db of ALL_DBS) {
      expect(allows('anonymous', db, 'checkpoint') || allows('anonymous', db, 'write'), db).toBe(false);
      expect(allows('service', db, 'write') || allows('customer', db, 'write'), db).toBe(false);
    }
    expect(allows('anonymous', 'rft_catalog', 'read')).toBe(true);
    expect(allows('customer', 'rft_bookings', 'read') || allows('customer', 'rft_attendance', 'read')).toBe(false);
    expect(allows('service', 'rft_attendance', 'read')).toBe(false);
    expect(ALL_DBS.filter((db) => allows('instructor', db, 'write'))).toEqual(['rft_attendance']);
  });
});
