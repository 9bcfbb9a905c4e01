import { DOC_TYPES } from '../../../../../domain/doc-ids';
import { courseDoc, sessionDoc, type CourseDoc, type SessionDoc } from '../../../../../domain/schemas/catalog';
import type { CatalogDoc } from './catalog-db';

export interface CourseListing {
  courseId: string;
  title: string;
  course: CourseDoc | undefined;
  sessions: SessionDoc[];
}

/** All docs whose id starts with `type:` (ids always carry their type as prefix). */
const docsOfType = async (db: PouchDB.Database<CatalogDoc>, type: string): Promise<unknown[]> => {
  const result = await db.allDocs({ include_docs: true, startkey: `${type}:`, endkey: `${type}:\ufff0` });
  return result.rows.flatMap((row) => ('doc' in row && row.doc ? [row.doc] : []));
};

export const firstStart = (session: SessionDoc): string =>
  session.days.map((day) => day.start).sort()[0] ?? session.updatedAt;

/**
 * Courses with their sessions, soonest first. A session whose course doc has not arrived
 * yet still shows, under the title the session carries.
 */
export const groupCatalog = (courses: CourseDoc[], sessions: SessionDoc[]): CourseListing[] => {
  const listings = new Map<string, CourseListing>();
  for (const course of courses) {
    listings.set(course._id, { courseId: course._id, title: course.title, course, sessions: [] });
  }
  const byStart = [...sessions].sort((a, b) => firstStart(a).localeCompare(firstStart(b)));
  for (const session of byStart) {
    const listing = listings.get(session.courseId) ?? { courseId: session.courseId, title: session.courseTitle, course: undefined, sessions: [] };
    listing.sessions.push(session);
    listings.set(session.courseId, listing);
  }
  return [...listings.values()]
    .filter((listing) => listing.sessions.length > 0 || listing.course?.active !== false)
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
};

/** Reads the local catalog, skipping any doc that does not match the shared schema. */
export const loadCatalog = async (db: PouchDB.Database<CatalogDoc>): Promise<CourseListing[]> => {
  const [courses, sessions] = await Promise.all([docsOfType(db, DOC_TYPES.course), docsOfType(db, DOC_TYPES.session)]);
  return groupCatalog(
    courses.flatMap((doc) => {
      const parsed = courseDoc.safeParse(doc);
      return parsed.success ? [parsed.data] : [];
    }),
    sessions.flatMap((doc) => {
      const parsed = sessionDoc.safeParse(doc);
      return parsed.success ? [parsed.data] : [];
    }),
  );
};
