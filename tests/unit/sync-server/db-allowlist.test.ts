import { describe, expect, it } from 'vitest';
import { DB, ROLES } from '../../../domain/databases';
import { judgeDbRequest, type ProxyRequest } from '../../../sync-server/db-proxy/allowlist';

const filters = { [DB.catalog]: ['catalog/by_course', 'catalog/window'], [DB.bookings]: ['bookings/feed'] };
const customer = { name: 'c@x.y', roles: [ROLES.customer] };
const instructor = { name: 'i@x.y', roles: [ROLES.instructor] };
const service = { name: 'svc', roles: [ROLES.service] };
const judge = (overrides: Partial<ProxyRequest>) =>
  judgeDbRequest({ method: 'GET', db: DB.catalog, rest: [], user: null, ...overrides }, filters);

describe('judgeDbRequest', () => {
  it('serves the replication endpoints of the catalog to anyone', () => {
    expect(judge({})).toBe('ok');
    expect(judge({ rest: [''] })).toBe('ok');
    expect(judge({ rest: ['_changes'] })).toBe('ok');
    expect(judge({ method: 'POST', rest: ['_changes'], filter: '_doc_ids' })).toBe('ok');
    expect(judge({ method: 'POST', rest: ['_bulk_get'] })).toBe('ok');
    expect(judge({ method: 'POST', rest: ['_revs_diff'] })).toBe('ok');
    expect(judge({ method: 'POST', rest: ['_all_docs'] })).toBe('ok');
    expect(judge({ method: 'PUT', rest: ['_local', 'abc'] })).toBe('ok');
    expect(judge({ rest: ['session%3A123'] })).toBe('ok');
  });

  it('refuses everything else', () => {
    expect(judge({ db: '_users' })).toBe('unknown_database');
    expect(judge({ method: 'PUT' })).toBe('endpoint_not_allowed');
    expect(judge({ method: 'DELETE' })).toBe('endpoint_not_allowed');
    expect(judge({ rest: ['_design', 'catalog'] })).toBe('endpoint_not_allowed');
    expect(judge({ method: 'POST', rest: ['_find'] })).toBe('endpoint_not_allowed');
    expect(judge({ method: 'PUT', rest: ['course:x'] })).toBe('endpoint_not_allowed');
    expect(judge({ rest: ['course:x', 'attachment'] })).toBe('endpoint_not_allowed');
    expect(judge({ method: 'POST', rest: ['_bulk_docs'] })).toBe('login_required');
  });

  it('allows only the design-doc filters on _changes', () => {
    expect(judge({ rest: ['_changes'], filter: 'catalog/window' })).toBe('ok');
    for (const filter of ['_view', '_selector', '_design', 'catalog/missing', 'bookings/feed', '']) {
      expect(judge({ rest: ['_changes'], filter }), filter).toBe('filter_not_allowed');
    }
  });

  it('lets only the right roles read private databases', () => {
    expect(judge({ db: DB.bookings })).toBe('login_required');
    expect(judge({ db: DB.bookings, user: customer })).toBe('not_a_reader');
    expect(judge({ db: DB.bookings, user: service })).toBe('ok');
    expect(judge({ db: DB.bookings, user: instructor })).toBe('ok');
    expect(judge({ db: DB.attendance, user: service })).toBe('not_a_reader');
    expect(judge({ db: DB.attendance, user: instructor })).toBe('ok');
  });
});
