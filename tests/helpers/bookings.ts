import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { basicAuth, userDocId } from '../../couch/client';
import { DB, ROLES } from '../../domain/databases';
import { sessionDocId } from '../../domain/doc-ids';
import type { BookingDoc } from '../../domain/schemas/booking';
import type { SessionDoc } from '../../domain/schemas/catalog';
import type { Couch } from '../../sync-server/plugins/couch';

const DAY_MS = 24 * 60 * 60 * 1000;
let counter = 0;

export interface SessionFixture {
  capacity?: number;
  courseId?: string;
  /** Days from now until the first day starts; negative for a session that has started. */
  startsInDays?: number;
  status?: SessionDoc['status'];
}

/** Inserts a session straight into the catalog as the sync-server's account, far from any other. */
export async function insertSession(couch: Couch, fixture: SessionFixture = {}): Promise<SessionDoc> {
  const start = new Date(Date.now() + (fixture.startsInDays ?? 400 + ++counter) * DAY_MS);
  const doc: SessionDoc = {
    _id: sessionDocId(),
    type: 'session',
    courseId: fixture.courseId ?? `course:test-${process.pid}-${++counter}`,
    courseTitle: 'Emergency First Aid at Work',
    location: 'A',
    days: [{ start: start.toISOString(), end: new Date(start.getTime() + 7 * 60 * 60 * 1000).toISOString() }],
    capacity: fixture.capacity ?? 12,
    status: fixture.status ?? 'scheduled',
    notes: '',
    holds: [],
    updatedAt: new Date().toISOString(),
  };
  const { rev } = await couch.sync.use<SessionDoc>(DB.catalog).insert(doc);
  return { ...doc, _rev: rev };
}

export const readSession = (couch: Couch, id: string): Promise<SessionDoc> => couch.sync.use<SessionDoc>(DB.catalog).get(id);

export async function bookingsOfSession(couch: Couch, sessionId: string): Promise<BookingDoc[]> {
  const result = await couch.sync.use<BookingDoc>(DB.bookings).list({ startkey: 'booking:', endkey: 'booking:\ufff0', include_docs: true });
  return result.rows.flatMap((row) => (row.doc && row.doc.sessionId === sessionId ? [row.doc as BookingDoc] : []));
}

/** The invariant: the ledger's holds are exactly the pending and confirmed bookings, seat for seat. */
export async function ledgerAgrees(couch: Couch, sessionId: string): Promise<{ held: Record<string, number>; booked: Record<string, number> }> {
  const session = await readSession(couch, sessionId);
  const held = Object.fromEntries(session.holds.map((hold) => [hold.holdId, hold.seats]));
  const bookings = await bookingsOfSession(couch, sessionId);
  const booked = Object.fromEntries(
    bookings.filter((booking) => booking.status === 'confirmed' || booking.status === 'pending').map((booking) => [booking.holdId, booking.seats]),
  );
  return { held, booked };
}

export const attendees = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `Attendee ${i + 1}` }));

/**
 * A password already hashed, at few iterations: Apache CouchDB would spend 600,000 PBKDF2 rounds on
 * each of hundreds of crowd accounts, minutes of CPU that test nothing about bookings. Both engines
 * verify the hash with the iterations the document names.
 */
function cheapPasswordHash(password: string) {
  const salt = randomBytes(16).toString('hex');
  return { password_scheme: 'pbkdf2', iterations: 10, salt, derived_key: pbkdf2Sync(password, salt, 10, 20, 'sha1').toString('hex') };
}

/** Customer accounts written in one `_bulk_docs` request; callers authenticate with basic auth. */
export async function createCustomers(couch: Couch, count: number): Promise<{ name: string; authorization: string }[]> {
  const stamp = `${process.pid}-${Date.now()}`;
  const customers = Array.from({ length: count }, (_, i) => ({ name: `crowd-${stamp}-${i}@test.example`, password: `crowd-password-${i}` }));
  const results = await couch.admin.use('_users').bulk({
    docs: customers.map(({ name, password }) => ({
      _id: userDocId(name),
      type: 'user',
      name,
      ...cheapPasswordHash(password),
      roles: [ROLES.customer],
      fullName: name,
    })),
  });
  const failed = results.filter((result) => result.error);
  if (failed.length) throw new Error(`could not create ${failed.length} customers`);
  return customers.map((customer) => ({ name: customer.name, authorization: basicAuth(customer) }));
}
