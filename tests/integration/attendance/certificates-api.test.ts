import { beforeAll, describe, expect, inject, it } from 'vitest';
import { certificateExpiry } from '../../../domain/certificates';
import { londonDate } from '../../../domain/london-time';
import { as, instructorApp, signUp } from '../../helpers/build-app';
import { insertSessionWithBookings, type FixtureBooking } from '../../helpers/roster-fixtures';

const { app, instructor } = await instructorApp();
let owner: { email: string; cookie: string };
let stranger: { email: string; cookie: string };

const start = new Date(Date.now() + 2 * 24 * 3600_000);
const today = londonDate(new Date().toISOString());

beforeAll(async () => {
  owner = await signUp(app);
  stranger = await signUp(app);
});

const sessionUrl = (sessionId: string, path: string) => `/api/courses/sessions/${encodeURIComponent(sessionId)}${path}`;
const post = (sessionId: string, path: string, payload: object) => app.inject(as(instructor, { method: 'POST', url: sessionUrl(sessionId, path), payload }));

async function markedSession(options: { validityMonths?: number; bookings?: FixtureBooking[] } = {}) {
  const fixture = await insertSessionWithBookings(inject('couch'), {
    title: `Certificates ${Date.now()}`,
    start,
    validityMonths: options.validityMonths,
    bookings: options.bookings ?? [
      { owner: owner.email, attendees: [{ name: 'Passes' }, { name: 'Failed assessment' }, { name: 'Left early' }], contact: { name: 'Acme HR', email: 'hr@acme.example' } },
    ],
  });
  const bookingId = fixture.bookings[0]!._id;
  const statuses = [['present', 'late'], ['present', 'present'], ['present', 'left-early']] as const;
  const records = statuses.flatMap((days, attendee) => days.map((status, day) => ({ bookingId, attendee, day, status })));
  expect((await post(fixture.session._id, '/attendance', { records })).statusCode).toBe(200);
  const assessed = await post(fixture.session._id, '/assessments', {
    records: [
      { bookingId, attendee: 0, result: 'pass', marks: 18 },
      { bookingId, attendee: 1, result: 'fail', marks: 9, notes: 'Retake CPR' },
      { bookingId, attendee: 2, result: 'pass' },
    ],
  });
  expect(assessed.statusCode, assessed.body).toBe(200);
  return { ...fixture, bookingId };
}

describe('POST /api/courses/sessions/:id/certificates', () => {
  it('issues to eligible attendees only, with a unique number and expiry = issue date + validity', async () => {
    const { session, bookingId } = await markedSession();
    const response = await post(session._id, '/certificates', {});
    expect(response.statusCode, response.body).toBe(200);
    const { issued, alreadyIssued, ineligible } = response.json();
    expect(alreadyIssued).toEqual([]);
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ bookingId, attendee: 0, attendeeName: 'Passes', issuedOn: today, expiresOn: certificateExpiry(today, 36) });
    expect(issued[0].number).toMatch(new RegExp(`^RFT-${today.slice(0, 4)}-\\d{6}$`));
    expect(ineligible.map((row: { name: string; reasons: string[] }) => [row.name, row.reasons])).toEqual([
      ['Failed assessment', ['assessment not passed']],
      ['Left early', ['left early on day 2']],
    ]);

    const again = (await post(session._id, '/certificates', {})).json();
    expect(again.issued).toEqual([]);
    expect(again.alreadyIssued).toEqual([issued[0]]);
  });

  it('never issues two certificates for one attendee, and never one number twice, when issued concurrently', async () => {
    const sessions = await Promise.all([markedSession(), markedSession()]);
    const responses = await Promise.all(sessions.flatMap(({ session }) => [post(session._id, '/certificates', {}), post(session._id, '/certificates', {})]));
    const issued = responses.flatMap((response) => response.json().issued as { number: string; sessionId: string }[]);
    expect(issued).toHaveLength(2);
    expect(new Set(issued.map((certificate) => certificate.sessionId)).size).toBe(2);
    expect(new Set(issued.map((certificate) => certificate.number)).size).toBe(2);
  });

  it('answers 400 for a selected attendee who does not exist, and for a course without a certificate', async () => {
    const { session, bookingId } = await markedSession();
    const unknown = await post(session._id, '/certificates', { attendees: [{ bookingId, attendee: 7 }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: 'unknown_attendee' });
    const selected = (await post(session._id, '/certificates', { attendees: [{ bookingId, attendee: 1 }] })).json();
    expect(selected.issued).toEqual([]);
    expect(selected.ineligible).toHaveLength(1);

    const awareness = await markedSession({ validityMonths: 0 });
    const none = await post(awareness.session._id, '/certificates', {});
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ error: 'no_certificate' });
  });
});

describe('GET /api/certificates and /api/certificates/expiring', () => {
  it("shows customers the certificates of their own bookings only", async () => {
    const { session } = await markedSession();
    const [issued] = (await post(session._id, '/certificates', {})).json().issued;
    const mine = await app.inject(as(owner.cookie, { method: 'GET', url: '/api/certificates' }));
    expect(mine.statusCode).toBe(200);
    expect(mine.json().certificates).toContainEqual(issued);
    expect(Object.keys(issued).sort()).toEqual(['attendee', 'attendeeName', 'bookingId', 'courseId', 'courseTitle', 'expiresOn', 'issuedOn', 'number', 'sessionId', 'sessionStart']);
    expect((await app.inject(as(stranger.cookie, { method: 'GET', url: '/api/certificates' }))).json()).toMatchObject({ certificates: [], next: null });
    expect((await app.inject({ method: 'GET', url: '/api/certificates' })).statusCode).toBe(401);
  });

  it('lists certificates expiring in the next 90 days with contact details, for the instructor', async () => {
    const { session } = await markedSession({ validityMonths: 1 });
    const [soon] = (await post(session._id, '/certificates', {})).json().issued;
    const { session: later } = await markedSession({ validityMonths: 36 });
    const [notSoon] = (await post(later._id, '/certificates', {})).json().issued;

    const response = await app.inject(as(instructor, { method: 'GET', url: '/api/certificates/expiring' }));
    expect(response.statusCode).toBe(200);
    const { days, certificates } = response.json();
    expect(days).toBe(90);
    expect(certificates).toContainEqual({ ...soon, attendeeEmail: null, contact: { name: 'Acme HR', email: 'hr@acme.example' } });
    expect(certificates.map((c: { number: string }) => c.number)).not.toContain(notSoon.number);
    const bad = await app.inject(as(instructor, { method: 'GET', url: '/api/certificates/expiring?days=0' }));
    expect(bad.statusCode).toBe(400);
  });
});

describe('GET /api/courses/sessions/:id/register.csv', () => {
  it('is a UTF-8 CSV with a BOM, one line per attendee, quoting commas, quotes and newlines', async () => {
    const { session } = await markedSession({
      bookings: [{ owner: owner.email, attendees: [{ name: 'Smith, "Jo"' }, { name: 'Two\nLines' }, { name: 'Zoë Ångström' }] }],
    });
    await post(session._id, '/certificates', {});
    const response = await app.inject(as(instructor, { method: 'GET', url: sessionUrl(session._id, '/register.csv') }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="register-\d{4}-\d{2}-\d{2}-certificates-\d+\.csv"$/);
    const body = response.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFFAttendee,Attendee email,Booking,Contact name,Contact email,Day 1 (')).toBe(true);
    const lines = body.slice(1).split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^"Smith, ""Jo""",,booking:[^,]+,Contact 0,[^,]+,present,,late,,pass,18,,yes,RFT-\d{4}-\d{6},\d{4}-\d{2}-\d{2}$/);
    expect(lines[2]).toMatch(/^"Two\nLines",/);
    expect(lines[2]).toContain(',fail,9,Retake CPR,no: assessment not passed,,');
    expect(lines[3]).toMatch(/^Zoë Ångström,/);
    expect(lines[4]).toBe('');
  });
});
