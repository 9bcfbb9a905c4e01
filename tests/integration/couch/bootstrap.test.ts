import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../couch/setup/bootstrap';
import { canLogIn, couchAs, userDocId } from '../../../couch/client';
import { ALL_DBS, DB, ROLES } from '../../../domain/databases';
import { INSTRUCTOR, startTestCouch } from '../../helpers/test-couch';

let couch: Awaited<ReturnType<typeof startTestCouch>>;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(() => couch.stop());

const options = () => ({ url: couch.url, admin: couch.admin, sync: couch.sync, instructor: INSTRUCTOR });
const ddocRevs = async () => {
  const server = couchAs(couch.url, couch.admin);
  const revs: string[] = [];
  for (const db of ALL_DBS) {
    const rows = await server.use(db).list({ startkey: '_design/', endkey: '_design0' });
    revs.push(...rows.rows.map((row) => `${db}/${row.id}@${row.value.rev}`));
  }
  return revs.sort();
};

describe('bootstrap', () => {
  it('creates the databases with _security on every one', async () => {
    const server = couchAs(couch.url, couch.admin);
    const security = async (db: string) => (await server.request({ db, path: '_security' })) as { members: { roles: string[] } };
    expect((await security(DB.catalog)).members.roles).toEqual([]);
    expect((await security(DB.bookings)).members.roles).toEqual([ROLES.sync, ROLES.instructor, ROLES.service]);
    expect((await security(DB.attendance)).members.roles).toEqual([ROLES.sync, ROLES.instructor]);
    expect((await security('_users')).members.roles).toEqual(['_admin']);
  });

  it('keeps anonymous callers out of every private database', async () => {
    for (const db of [DB.bookings, DB.attendance, '_users']) {
      const response = await fetch(`${couch.url}/${db}/_all_docs`);
      expect(response.status, db).toBe(401);
    }
  });

  it('is idempotent: a second run changes no design document', async () => {
    const before = await ddocRevs();
    expect(before.length).toBe(3);
    await bootstrap(options());
    expect(await ddocRevs()).toEqual(before);
  });

  it('creates the sync-server account and updates the instructor from the environment', async () => {
    expect(await canLogIn(couch.url, couch.sync)).toBe(true);
    const users = couchAs(couch.url, couch.admin).use<{ roles: string[]; fullName?: string }>('_users');
    expect((await users.get(userDocId(couch.sync.name))).roles).toEqual([ROLES.sync]);

    await bootstrap({ ...options(), instructor: { ...INSTRUCTOR, password: 'a-new-instructor-secret', name: 'Renamed' } });
    expect(await canLogIn(couch.url, { name: INSTRUCTOR.email, password: 'a-new-instructor-secret' })).toBe(true);
    expect(await canLogIn(couch.url, { name: INSTRUCTOR.email, password: INSTRUCTOR.password })).toBe(false);
    const instructor = await users.get(userDocId(INSTRUCTOR.email));
    expect(instructor).toMatchObject({ roles: [ROLES.instructor], fullName: 'Renamed' });
  });
});
