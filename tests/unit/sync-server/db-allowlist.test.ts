import { describe, expect, it } from 'vitest';
import { DB, ROLES } from '../../../domain/databases';
import { judgeDbRequest, type DbRequest } from '../../../sync-server/db-proxy/allowlist';
import { HttpError } from '../../../sync-server/http-error';

const filters = {
  [DB.catalog]: ['catalog/by_course', 'catalog/window'],
  [DB.bookings]: ['bookings/feed', 'bookings/roster'],
  [DB.attendance]: ['attendance/roster'],
};
const customer = { name: 'c@x.y', roles: [ROLES.customer] };
const instructor = { name: 'i@x.y', roles: [ROLES.instructor] };
const service = { name: 'svc', roles: [ROLES.service] };
const REV = `1-${'a'.repeat(32)}`;
const POUCH_CHECKPOINT = 'Ab.c_defghijklmnopqrst==';
const COUCH_CHECKPOINT = '0123456789abcdef0123456789abcdef';

type Overrides = Partial<Omit<DbRequest, 'body'>> & { body?: unknown };
const judge = ({ body, ...overrides }: Overrides) =>
  judgeDbRequest(
    {
      method: 'GET',
      db: DB.catalog,
      rest: [],
      query: {},
      user: null,
      body: body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
      ...overrides,
    },
    filters,
  );

function refusal(overrides: Overrides): { status: number; code: string } {
  try {
    judge(overrides);
  } catch (error) {
    if (error instanceof HttpError) return { status: error.statusCode, code: error.code };
    throw error;
  }
  throw new Error('the request was allowed');
}

describe('judgeDbRequest: what replication sends is allowed and rebuilt', () => {
  it('serves database info, changes, revs_diff, bulk_get, all_docs and documents of the catalog to anyone', () => {
    expect(judge({})).toMatchObject({ method: 'GET', path: `/${DB.catalog}/`, query: {} });
    expect(judge({ rest: [''] }).path).toBe(`/${DB.catalog}/`);
    expect(judge({ rest: ['_changes'], query: { style: 'all_docs', since: '12', limit: '100', feed: 'longpoll', heartbeat: '10000' } }).query).toEqual({
      style: 'all_docs',
      since: '12',
      limit: 100,
      feed: 'longpoll',
      heartbeat: 10000,
    });
    expect(judge({ method: 'POST', rest: ['_revs_diff'], body: { 'course:x': [REV] } }).body).toEqual({ 'course:x': [REV] });
    expect(judge({ method: 'POST', rest: ['_bulk_get'], query: { revs: 'true', latest: 'true' }, body: { docs: [{ id: 'course:x', rev: REV }] } })).toMatchObject({
      handler: 'bulk-get',
      query: { revs: true, latest: true },
    });
    // CouchDB 3.4's replicator repeats the options in the body; they are forwarded in the query.
    expect(
      judge({
        method: 'POST',
        rest: ['_bulk_get'],
        query: { latest: 'true', revs: 'true', attachments: 'false' },
        body: { revs: true, latest: true, docs: [{ rev: REV, id: 'course:x', atts_since: [] }], attachments: false },
      }),
    ).toMatchObject({ handler: 'bulk-get', query: { revs: true, latest: true, attachments: false }, body: { docs: [{ id: 'course:x', rev: REV, atts_since: [] }] } });
    expect(judge({ method: 'POST', rest: ['_ensure_full_commit'], user: service }).path).toBe(`/${DB.catalog}/_ensure_full_commit`);
    expect(judge({ method: 'POST', rest: ['_all_docs'], query: { include_docs: 'true' }, body: { keys: ['course:x'] } }).body).toEqual({ keys: ['course:x'] });
    expect(judge({ rest: ['session%3A123'], query: { revs: 'true' } })).toMatchObject({ path: `/${DB.catalog}/session%3A123`, handler: 'proxy' });
    expect(judge({ rest: ['course:x'], query: { revs: 'true', open_revs: JSON.stringify([REV]), latest: 'true' } })).toMatchObject({
      handler: 'open-revs',
      query: { revs: true, open_revs: [REV], latest: true },
    });
    expect(judge({ rest: ['_design', 'catalog'], query: { open_revs: 'all' } }).path).toBe(`/${DB.catalog}/_design/catalog`);
  });

  it('accepts the design-doc filters with their own parameters, and _doc_ids only with a list', () => {
    expect(judge({ rest: ['_changes'], query: { filter: 'catalog/window', from: '2027-01-01T00:00:00Z' } }).query).toMatchObject({ filter: 'catalog/window' });
    expect(judge({ rest: ['_changes'], query: { filter: '_doc_ids', doc_ids: '["course:x"]' } })).toMatchObject({
      method: 'POST',
      query: { filter: '_doc_ids' },
      body: { doc_ids: ['course:x'] },
    });
    expect(judge({ method: 'POST', rest: ['_changes'], query: { filter: '_doc_ids' }, body: { doc_ids: ['course:x'] } }).body).toEqual({ doc_ids: ['course:x'] });
  });

  it('keeps checkpoints by their PouchDB and CouchDB ids for signed-in readers, trimmed and capped', () => {
    const history = Array.from({ length: 50 }, (_, i) => ({ session_id: `s${i}`, recorded_seq: i, docs_read: i }));
    const parsed = judge({ method: 'PUT', rest: ['_local', COUCH_CHECKPOINT], user: service, body: { _id: `_local/${COUCH_CHECKPOINT}`, session_id: 's0', source_last_seq: 49, history } });
    expect((parsed.body as { history: unknown[] }).history).toHaveLength(5);
    expect(judge({ method: 'PUT', rest: ['_local', encodeURIComponent(POUCH_CHECKPOINT)], user: customer, body: { _id: `_local/${POUCH_CHECKPOINT}`, last_seq: 0 } }).path).toBe(
      `/${DB.catalog}/_local/${POUCH_CHECKPOINT}`,
    );
    expect(judge({ db: DB.attendance, method: 'PUT', rest: ['_local', POUCH_CHECKPOINT], user: instructor, body: { last_seq: 3, replicator: 'pouchdb', version: 1, session_id: 'x', history: [{ last_seq: 3, session_id: 'x' }] } }).body).toMatchObject({
      _id: `_local/${POUCH_CHECKPOINT}`,
    });
  });
});

describe('judgeDbRequest: everything else is refused before it reaches the database', () => {
  it('refuses unknown databases, endpoints and methods', () => {
    expect(refusal({ db: '_users' })).toEqual({ status: 404, code: 'not_found' });
    expect(refusal({ method: 'PUT' }).code).toBe('endpoint_not_allowed');
    expect(refusal({ method: 'DELETE' }).code).toBe('endpoint_not_allowed');
    expect(refusal({ method: 'OPTIONS' }).code).toBe('endpoint_not_allowed');
    expect(refusal({ rest: ['_design', 'catalog', '_view', 'x'] }).code).toBe('endpoint_not_allowed');
    expect(refusal({ method: 'POST', rest: ['_find'] }).code).toBe('endpoint_not_allowed');
    expect(refusal({ method: 'PUT', rest: ['course:x'] }).code).toBe('endpoint_not_allowed');
    expect(refusal({ rest: ['course:x', 'attachment'] }).code).toBe('endpoint_not_allowed');
    expect(refusal({ method: 'DELETE', rest: ['_local', POUCH_CHECKPOINT], user: customer }).code).toBe('endpoint_not_allowed');
  });

  it('refuses _local documents that are not checkpoints, and checkpoints from anonymous callers or over the cap', () => {
    expect(refusal({ method: 'PUT', rest: ['_local', '_security'], body: {} })).toEqual({ status: 401, code: 'unauthorized' });
    expect(refusal({ method: 'PUT', rest: ['_local', '_security'], user: customer, body: {} })).toEqual({ status: 403, code: 'local_doc_not_allowed' });
    expect(refusal({ rest: ['_local', '_security'] }).code).toBe('local_doc_not_allowed');
    expect(refusal({ rest: ['_local%2F_security'] }).code).toBe('endpoint_not_allowed');
    expect(refusal({ method: 'PUT', rest: ['_local', POUCH_CHECKPOINT], body: { last_seq: 0 } }).status).toBe(401);
    expect(refusal({ method: 'PUT', rest: ['_local', POUCH_CHECKPOINT], user: customer, body: { last_seq: 0, admins: {} } }).code).toBe('invalid_request');
    expect(refusal({ method: 'PUT', rest: ['_local', POUCH_CHECKPOINT], user: customer, body: { _id: '_local/other', last_seq: 0 } }).code).toBe('invalid_request');
    const longSeq = `1-${'q'.repeat(4000)}`;
    const big = [{ session_id: 'x', start_last_seq: longSeq, end_last_seq: longSeq, recorded_seq: longSeq }];
    expect(refusal({ method: 'PUT', rest: ['_local', POUCH_CHECKPOINT], user: customer, body: { history: big } })).toEqual({ status: 413, code: 'payload_too_large' });
  });

  it('refuses the requests that crash the embedded server, as a class: unparsed parameters and bodies', () => {
    expect(refusal({ rest: ['_changes'], query: { filter: '_doc_ids' } }).code).toBe('invalid_request');
    expect(refusal({ rest: ['_changes'], query: { filter: '_doc_ids', doc_ids: '[]' } }).code).toBe('invalid_request');
    expect(refusal({ method: 'POST', rest: ['_changes'], query: { filter: '_doc_ids' }, body: { doc_ids: 'x' } }).code).toBe('invalid_request');
    expect(refusal({ method: 'POST', rest: ['_revs_diff'], body: { 'course:x': 'not a list' } }).code).toBe('invalid_request');
    expect(refusal({ method: 'POST', rest: ['_revs_diff'], body: { 'course:x': ['1-x'] } }).code).toBe('invalid_request');
    expect(refusal({ rest: ['course:x'], query: { open_revs: '["1-x"]', latest: 'true' } }).code).toBe('invalid_request');
    expect(refusal({ rest: ['course:x'], query: { open_revs: '1-x' } }).code).toBe('invalid_request');
    expect(refusal({ rest: ['course:x'], query: { open_revs: '[]' } }).code).toBe('invalid_request');
    expect(refusal({ rest: ['course:x'], query: { rev: REV, latest: 'true' } }).code).toBe('invalid_request');
    expect(refusal({ rest: ['course:x'], query: { revs: 'yes' } }).code).toBe('invalid_request');
    expect(refusal({ rest: ['_changes'], query: { since: '0', unknown: 'x' } }).code).toBe('invalid_request');
    expect(refusal({ rest: ['_changes'], query: { limit: ['1', '2'] } }).code).toBe('invalid_request');
    expect(refusal({ rest: ['_changes'], query: { filter: 'catalog/window', from: 'tomorrow' } }).code).toBe('invalid_request');
    expect(refusal({ rest: ['_changes'], query: { filter: 'catalog/by_course' } }).code).toBe('invalid_request');
    expect(refusal({ method: 'POST', rest: ['_changes'], body: {} }).code).toBe('invalid_request');
    expect(refusal({ method: 'POST', rest: ['_bulk_get'], body: '{"docs": [' }).code).toBe('invalid_json');
    expect(refusal({ method: 'POST', rest: ['_bulk_get'], body: { docs: [{ id: '_local/_security' }] } }).code).toBe('invalid_request');
    expect(refusal({ rest: [''], query: { anything: '1' } }).code).toBe('invalid_request');
    expect(refusal({ method: 'POST', rest: ['_ensure_full_commit'], user: service, body: { full: true } }).code).toBe('invalid_request');
    expect(refusal({ method: 'POST', rest: ['_ensure_full_commit'] }).status).toBe(401);
  });

  it('allows only the design-doc filters on _changes', () => {
    for (const filter of ['_view', '_selector', '_design', 'catalog/missing', 'bookings/feed', '']) {
      expect(refusal({ rest: ['_changes'], query: { filter } }).code, filter).toBe('filter_not_allowed');
    }
  });

  it('lets only the right roles read private databases, and only the instructor write attendance', () => {
    expect(refusal({ db: DB.bookings }).status).toBe(401);
    expect(refusal({ db: DB.bookings, user: customer })).toEqual({ status: 403, code: 'forbidden' });
    expect(judge({ db: DB.bookings, user: service }).path).toBe(`/${DB.bookings}/`);
    expect(refusal({ db: DB.attendance, user: service }).code).toBe('forbidden');
    const doc = { _id: 'attendance:s:b:0:0', _rev: REV, _revisions: { start: 1, ids: ['a'.repeat(32)] }, type: 'attendance' };
    expect(judge({ db: DB.attendance, method: 'POST', rest: ['_bulk_docs'], user: instructor, body: { docs: [doc], new_edits: false } }).body).toEqual({ docs: [doc], new_edits: false });
    expect(refusal({ method: 'POST', rest: ['_bulk_docs'], user: instructor, body: { docs: [doc] } }).code).toBe('forbidden');
    expect(refusal({ db: DB.bookings, method: 'POST', rest: ['_bulk_docs'], user: service, body: { docs: [doc] } }).code).toBe('forbidden');
    for (const forged of [{ _id: '_local/_security', admins: {} }, { _id: '_design/x' }, { ...doc, _attachments: {} }]) {
      expect(refusal({ db: DB.attendance, method: 'POST', rest: ['_bulk_docs'], user: instructor, body: { docs: [forged] } }).code).toBe('invalid_request');
    }
  });
});
