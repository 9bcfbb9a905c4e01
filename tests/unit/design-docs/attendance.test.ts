import { describe, expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { assessmentDocId, attendanceDocId, bookingDocId, certificateDocId, sessionDocId } from '../../../domain/doc-ids';
import { DDOC_ADMIN_ONLY, filter, USER_NAMES, users, vdu, view, type UserCtx, type UserName } from './harness';

const ID = '_design/attendance';
const validate = vdu(DB.attendance, ID);

const NOT_INSTRUCTOR = 'Only the instructor records attendance and assessments.';
const NOT_SYNC_CERTIFICATE = 'Only the sync-server issues certificates.';

const forbidden = (message: string) => ({ forbidden: message });

const sessionId = sessionDocId('s1');
const bookingId = bookingDocId('b1');
const sessionStart = '2025-03-10T09:30:00.000Z';

/** The docs as `user` would write them: markedBy is always the writer's own name. */
const docsBy = (user: UserCtx) => ({
  attendance: {
    _id: attendanceDocId(sessionId, bookingId, 1, 0),
    type: 'attendance',
    sessionId,
    bookingId,
    attendee: 1,
    day: 0,
    status: 'late',
    notes: 'Train delayed',
    markedBy: user.name,
    markedAt: '2025-03-10T09:45:00.000Z',
    sessionStart,
    history: [{ status: 'absent', notes: '', markedBy: user.name, markedAt: '2025-03-10T09:31:00.000Z' }],
  },
  assessment: {
    _id: assessmentDocId(sessionId, bookingId, 1),
    type: 'assessment',
    sessionId,
    bookingId,
    attendee: 1,
    result: 'pass',
    marks: 18,
    notes: '',
    markedBy: user.name,
    markedAt: '2025-03-10T16:00:00.000Z',
    sessionStart,
  },
  certificate: {
    _id: certificateDocId(sessionId, bookingId, 1),
    type: 'certificate',
    sessionId,
    bookingId,
    attendee: 1,
    number: 'RFT-2025-000123',
    issuedOn: '2025-03-10',
    expiresOn: '2028-03-10',
    sessionStart,
  },
});

describe('attendance validate_doc_update: who may write', () => {
  type Expect = 'ok' | string;
  const expected: Record<UserName, { marks: Expect; certificate: Expect; design: Expect }> = {
    anonymous: { marks: NOT_INSTRUCTOR, certificate: NOT_SYNC_CERTIFICATE, design: DDOC_ADMIN_ONLY },
    customer: { marks: NOT_INSTRUCTOR, certificate: NOT_SYNC_CERTIFICATE, design: DDOC_ADMIN_ONLY },
    instructor: { marks: 'ok', certificate: NOT_SYNC_CERTIFICATE, design: DDOC_ADMIN_ONLY },
    service: { marks: NOT_INSTRUCTOR, certificate: NOT_SYNC_CERTIFICATE, design: DDOC_ADMIN_ONLY },
    sync: { marks: 'ok', certificate: 'ok', design: DDOC_ADMIN_ONLY },
    admin: { marks: 'ok', certificate: 'ok', design: 'ok' },
  };
  const asOutcome = (value: string) => (value === 'ok' ? 'ok' : forbidden(value));

  for (const user of USER_NAMES) {
    it(`${user}: attendance, assessment, certificate create/update/delete and design docs`, () => {
      const ctx = users[user];
      const docs = docsBy(ctx);
      const cases = [
        [docs.attendance, expected[user].marks],
        [docs.assessment, expected[user].marks],
        [docs.certificate, expected[user].certificate],
      ] as const;
      for (const [doc, outcome] of cases) {
        expect(validate(doc, null, ctx)).toEqual(asOutcome(outcome));
        expect(validate({ ...doc, notes: 'changed', _rev: '1-a' }, doc, ctx)).toEqual(asOutcome(outcome));
        expect(validate({ _id: doc._id, _rev: '2-b', _deleted: true }, doc, ctx)).toEqual(asOutcome(outcome));
      }
      expect(validate({ _id: ID, language: 'javascript' }, null, ctx)).toEqual(asOutcome(expected[user].design));
    });
  }

  it('refuses the instructor relabelling a certificate as another type', () => {
    const { certificate, attendance } = docsBy(users.instructor);
    expect(validate({ ...certificate, type: 'attendance' }, null, users.instructor)).toEqual(forbidden(NOT_SYNC_CERTIFICATE));
    expect(validate({ ...attendance, _rev: '2-b' }, { ...attendance, type: 'certificate' }, users.instructor)).toEqual(
      forbidden(NOT_SYNC_CERTIFICATE),
    );
  });
});

describe('attendance validate_doc_update: structure (as the instructor)', () => {
  const { attendance, assessment } = docsBy(users.instructor);
  const check = (doc: object) => validate(doc, null, users.instructor);

  it('holds only attendance, assessment and certificate documents', () => {
    const message = forbidden('The attendance database holds only attendance, assessment and certificate documents.');
    expect(check({ _id: 'x' })).toEqual(message);
    expect(check({ ...attendance, type: 'booking' })).toEqual(message);
  });

  it('accepts every attendance status and nothing else', () => {
    for (const status of ['present', 'late', 'absent', 'left-early']) {
      expect(check({ ...attendance, status })).toBe('ok');
    }
    for (const status of ['excused', '', undefined]) {
      expect(check({ ...attendance, status })).toEqual(forbidden('Attendance status is present, late, absent or left-early.'));
    }
  });

  it('requires attendee and day as non-negative whole numbers', () => {
    for (const bad of [-1, 1.5, '1', undefined]) {
      expect(check({ ...attendance, attendee: bad })).toEqual(forbidden('attendee must be a whole number, 0 or more.'));
      expect(check({ ...attendance, day: bad })).toEqual(forbidden('day must be a whole number, 0 or more.'));
      expect(check({ ...assessment, attendee: bad })).toEqual(forbidden('attendee must be a whole number, 0 or more.'));
    }
    const first = { ...attendance, attendee: 0, day: 0, _id: attendanceDocId(sessionId, bookingId, 0, 0) };
    expect(check(first)).toBe('ok');
  });

  it('requires the _id built from the fields', () => {
    const expectedId = attendanceDocId(sessionId, bookingId, 1, 0);
    expect(check({ ...attendance, day: 1 })).toEqual(forbidden(`The _id must be "${attendanceDocId(sessionId, bookingId, 1, 1)}".`));
    expect(check({ ...attendance, _id: `${expectedId}x` })).toEqual(forbidden(`The _id must be "${expectedId}".`));
    expect(check({ ...assessment, attendee: 2 })).toEqual(forbidden(`The _id must be "${assessmentDocId(sessionId, bookingId, 2)}".`));
  });

  it('requires sessionId and bookingId', () => {
    expect(check({ ...attendance, sessionId: '' })).toEqual(forbidden('sessionId and bookingId are required.'));
    expect(check({ ...assessment, bookingId: undefined })).toEqual(forbidden('sessionId and bookingId are required.'));
  });

  it("requires markedBy to be the writer's own name, and markedAt and sessionStart as instants", () => {
    for (const doc of [attendance, assessment]) {
      expect(check({ ...doc, markedBy: users.sync.name })).toEqual(forbidden('markedBy must be your own user name.'));
      expect(check({ ...doc, markedBy: undefined })).toEqual(forbidden('markedBy must be your own user name.'));
      expect(check({ ...doc, markedAt: undefined })).toEqual(forbidden('markedAt must be an ISO date-time.'));
      expect(check({ ...doc, markedAt: 'yesterday' })).toEqual(forbidden('markedAt must be an ISO date-time.'));
      expect(check({ ...doc, sessionStart: undefined })).toEqual(forbidden('sessionStart must be an ISO date-time.'));
      expect(check({ ...doc, notes: undefined })).toEqual(forbidden('notes must be text (it may be empty).'));
    }
    expect(check({ ...attendance, history: 'none' })).toEqual(forbidden('history must be a list.'));
    expect(check({ ...attendance, history: undefined })).toBe('ok');
  });

  it('accepts an assessment result of pass or fail only', () => {
    expect(check({ ...assessment, result: 'fail' })).toBe('ok');
    expect(check({ ...assessment, result: 'merit' })).toEqual(forbidden('An assessment result is pass or fail.'));
  });

  it('checks certificates written by the sync-server', () => {
    const { certificate } = docsBy(users.sync);
    const check = (doc: object) => validate(doc, null, users.sync);
    expect(check({ ...certificate, number: '' })).toEqual(forbidden('A certificate needs a number.'));
    expect(check({ ...certificate, attendee: 3 })).toEqual(forbidden(`The _id must be "${certificateDocId(sessionId, bookingId, 3)}".`));
  });
});

describe('attendance filters and views', () => {
  const { attendance, assessment, certificate } = docsBy(users.instructor);

  it('roster passes docs whose sessionStart is in [from, to), and every deletion', () => {
    const roster = filter(DB.attendance, ID, 'roster');
    const march = { from: '2025-03-01', to: '2025-04-01' };
    for (const doc of [attendance, assessment, certificate]) {
      expect(roster(doc, march)).toBe(true);
      expect(roster(doc, { from: sessionStart })).toBe(true);
      expect(roster(doc, { to: sessionStart })).toBe(false);
      expect(roster(doc, { from: '2025-04-01' })).toBe(false);
    }
    expect(roster({ _id: attendance._id, _rev: '2-b', _deleted: true }, { from: '2030-01-01' })).toBe(true);
    expect(roster({ _id: ID }, march)).toBe(false);
  });

  it('by_session keys every session document by [sessionId, type]', () => {
    const bySession = view(DB.attendance, ID, 'by_session');
    expect(bySession(attendance)).toEqual([[[sessionId, 'attendance'], null]]);
    expect(bySession(assessment)).toEqual([[[sessionId, 'assessment'], null]]);
    expect(bySession(certificate)).toEqual([[[sessionId, 'certificate'], null]]);
    expect(bySession({ _id: 'x', type: 'booking', sessionId })).toEqual([]);
  });
});
