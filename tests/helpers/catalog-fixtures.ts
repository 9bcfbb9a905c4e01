import { randomUUID } from 'node:crypto';
import { couchAs } from '../../couch/client';
import { DB } from '../../domain/databases';
import { courseDocId, sessionDocId } from '../../domain/doc-ids';
import type { CourseDoc, SessionDoc } from '../../domain/schemas/catalog';
import type { TestCouch } from './test-couch';

export interface SessionOptions {
  start: Date;
  location?: 'A' | 'B';
  capacity?: number;
  status?: SessionDoc['status'];
  holds?: SessionDoc['holds'];
}

const sessionFor = (course: CourseDoc, options: SessionOptions): SessionDoc => ({
  _id: sessionDocId(),
  type: 'session',
  courseId: course._id,
  courseTitle: course.title,
  location: options.location ?? 'A',
  days: [{ start: options.start.toISOString(), end: new Date(options.start.getTime() + 7.5 * 3600_000).toISOString() }],
  capacity: options.capacity ?? 12,
  status: options.status ?? 'scheduled',
  notes: '',
  holds: options.holds ?? [],
  updatedAt: new Date().toISOString(),
});

/** Adds more sessions of an existing course, written like insertCourseWithSession. */
export async function insertSessions(couch: TestCouch, course: CourseDoc, sessions: SessionOptions[]): Promise<SessionDoc[]> {
  const docs = sessions.map((options) => sessionFor(course, options));
  await couchAs(couch.url, couch.sync).use(DB.catalog).bulk({ docs: docs as never[] });
  return docs;
}

/** Writes a course and one session straight into the catalog as the sync-server's account. */
export async function insertCourseWithSession(
  couch: TestCouch,
  options: SessionOptions & { title: string },
): Promise<{ course: CourseDoc; session: SessionDoc }> {
  const db = couchAs(couch.url, couch.sync).use(DB.catalog);
  const code = `T${randomUUID().slice(0, 8)}`;
  const course: CourseDoc = {
    _id: courseDocId(code),
    type: 'course',
    code,
    title: options.title,
    description: 'A course written by a test.',
    durationDays: 1,
    dailyStart: '09:00',
    dailyEnd: '16:30',
    pricePence: 12000,
    certificateValidityMonths: 36,
    active: true,
  };
  const session = sessionFor(course, options);
  await db.bulk({ docs: [course, session] as never[] });
  return { course, session };
}
