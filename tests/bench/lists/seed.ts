/**
 * The data bench:lists reads: the demo courses, `sessions` sessions three a day around today, and
 * `bookings` one-seat bookings spread over them, written straight through `_bulk_docs` in the
 * shapes the sync-server writes. Each session's seat ledger holds exactly its confirmed bookings,
 * and every confirmed booking of a past session has its certificate, valid 36 months.
 */
import { couchAs } from '../../../couch/client';
import { certificateExpiry, certificateNumber } from '../../../domain/certificates';
import { DB } from '../../../domain/databases';
import { courseDocId } from '../../../domain/doc-ids';
import { addDaysToDate, londonDate, londonToUtc } from '../../../domain/london-time';
import type { CertificateDoc } from '../../../domain/schemas/attendance';
import type { BookingDoc } from '../../../domain/schemas/booking';
import type { CourseDoc, SessionDoc } from '../../../domain/schemas/catalog';
import { DEMO_COURSES } from '../../../sync-server/catalog/seed';
import { bulkWrite, listBooking, listCertificate, listSession } from '../../helpers/list-fixtures';
import type { TestCouch } from '../../helpers/test-couch';

/**
 * One instructor cannot teach 5,000 day-long sessions in a few years, so sessions are short: three
 * a day, 2.5 hours each, the venue alternating with an hour between. Lists never check the
 * timetable; what matters here is how many documents each window and filter meets.
 */
const SLOTS = ['08:00', '11:30', '15:00'];
const SESSION_MS = 2.5 * 3600_000;
/** How far back the first session is: far enough that certificates of the oldest ones expire within the coming 90 days. */
const DAYS_BACK = 1_130;
/** Bookings per session around the mean, in turn: two sessions in five full, so `available=true` filters. */
const SPREAD = [2, -1, 0, 2, -3];
/** Every this many sessions one is cancelled, and its bookings with it. */
const CANCEL_EVERY = 97;
/** One booking in this many belongs to the employer account, one in CUSTOMER_EVERY to the plain customer. */
const EMPLOYER_EVERY = 20;
const CUSTOMER_EVERY = 2_000;
/** The other bookings belong to this many owners without accounts. */
const OTHER_OWNERS = 1_997;
const VALIDITY_MONTHS = 36;

export interface ListsSeed {
  courses: CourseDoc[];
  sessions: SessionDoc[];
  bookings: number;
  certificates: number;
  /** The bookings of the plain customer and of the employer. */
  customerBookings: number;
  employerBookings: number;
}

const demoCourses = (): CourseDoc[] => DEMO_COURSES.map((fields) => ({ _id: courseDocId(fields.code), type: 'course', ...fields }));

function sessionsAround(courses: CourseDoc[], count: number, now: Date): SessionDoc[] {
  const firstDay = addDaysToDate(londonDate(now.toISOString()), -DAYS_BACK);
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(londonToUtc(`${addDaysToDate(firstDay, Math.floor(i / SLOTS.length))}T${SLOTS[i % SLOTS.length]}`));
    const past = start.getTime() < now.getTime();
    const session = listSession(courses[i % courses.length]!, start, {
      location: i % 2 ? 'B' : 'A',
      status: i % CANCEL_EVERY === CANCEL_EVERY - 1 ? 'cancelled' : past ? 'completed' : 'scheduled',
      updatedAt: new Date(start.getTime() - 30 * 86_400_000).toISOString(),
    });
    return { ...session, days: [{ start: start.toISOString(), end: new Date(start.getTime() + SESSION_MS).toISOString() }] };
  });
}

const ownerOf = (n: number, accounts: { customer: string; employer: string }): string =>
  n % CUSTOMER_EVERY === 0 ? accounts.customer : n % EMPLOYER_EVERY === 0 ? accounts.employer : `owner-${n % OTHER_OWNERS}@bench.example`;

/** The bookings of every session (confirmed, or cancelled with a cancelled session), and the ledger holds they make. */
function bookingsOf(sessions: SessionDoc[], total: number, accounts: { customer: string; employer: string }): BookingDoc[] {
  const mean = Math.round(total / sessions.length);
  const bookings: BookingDoc[] = [];
  for (const [i, session] of sessions.entries()) {
    const count = Math.max(0, Math.min(session.capacity, mean + SPREAD[i % SPREAD.length]!));
    const start = Date.parse(session.days[0]!.start);
    for (let seat = 0; seat < count; seat++) {
      const createdAt = new Date(start - (20 - seat) * 86_400_000).toISOString();
      const cancelled = session.status === 'cancelled';
      const booking = listBooking(session, ownerOf(bookings.length, accounts), {
        attendees: [{ name: `Attendee ${bookings.length}` }],
        createdAt,
        confirmedAt: createdAt,
        ...(cancelled ? { status: 'cancelled', cancelledAt: session.updatedAt } : {}),
      });
      if (!cancelled) session.holds.push({ holdId: booking.holdId!, seats: booking.seats, at: createdAt });
      bookings.push(booking);
    }
  }
  return bookings;
}

function certificatesOf(bookings: BookingDoc[], courses: Map<string, CourseDoc>, sessions: Map<string, SessionDoc>): CertificateDoc[] {
  return bookings
    .filter((booking) => booking.status === 'confirmed' && sessions.get(booking.sessionId)!.status === 'completed')
    .map((booking, n) => {
      const issuedOn = londonDate(booking.sessionStart);
      return {
        ...listCertificate(booking, 0, certificateExpiry(issuedOn, VALIDITY_MONTHS)),
        number: certificateNumber(Number(issuedOn.slice(0, 4)), n + 1),
        courseTitle: courses.get(booking.courseId)!.title,
        issuedOn,
      };
    });
}

export async function seedLists(
  couch: Pick<TestCouch, 'url' | 'sync'>,
  options: { sessions: number; bookings: number; customer: string; employer: string; now: Date },
): Promise<ListsSeed> {
  const courses = demoCourses();
  const sessions = sessionsAround(courses, options.sessions, options.now);
  const bookings = bookingsOf(sessions, options.bookings, options);
  const certificates = certificatesOf(bookings, new Map(courses.map((c) => [c._id, c])), new Map(sessions.map((s) => [s._id, s])));
  await Promise.all([
    bulkWrite(couch, DB.catalog, [...courses, ...sessions]),
    bulkWrite(couch, DB.bookings, bookings),
    bulkWrite(couch, DB.attendance, certificates),
  ]);
  return {
    courses,
    sessions,
    bookings: bookings.length,
    certificates: certificates.length,
    customerBookings: bookings.filter((b) => b.owner === options.customer).length,
    employerBookings: bookings.filter((b) => b.owner === options.employer).length,
  };
}

/** The views the lists read, by database and design document. */
const LIST_VIEWS: readonly [string, string, string][] = [
  [DB.catalog, 'catalog', 'sessions_by_start'],
  [DB.catalog, 'catalog', 'sessions_by_course'],
  [DB.catalog, 'catalog', 'courses_by_title'],
  [DB.bookings, 'bookings', 'by_start'],
  [DB.bookings, 'bookings', 'by_owner'],
  [DB.bookings, 'bookings', 'every_by_session'],
  [DB.attendance, 'attendance', 'certificates_by_expiry'],
];

/**
 * Brings the lists' view indexes up to date, one after another, and says how long each took. A view
 * is indexed when first read after documents change, so after a bulk import that first read waits
 * for every imported document.
 */
export async function indexListViews(couch: Pick<TestCouch, 'url' | 'sync'>): Promise<Record<string, number>> {
  const server = couchAs(couch.url, couch.sync);
  const seconds: Record<string, number> = {};
  for (const [db, ddoc, view] of LIST_VIEWS) {
    const start = performance.now();
    await server.use(db).view(ddoc, view, { limit: 1 });
    seconds[`${ddoc}/${view}`] = Math.round((performance.now() - start) / 100) / 10;
  }
  return seconds;
}
