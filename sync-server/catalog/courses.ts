import { conditionalWrite } from '../../couch/client/conditional-write';
import { courseDocId } from '../../domain/doc-ids';
import type { CourseDoc, SessionDoc } from '../../domain/schemas/catalog';
import { createCourseRequest, type CreateCourseRequest, type UpdateCourseRequest } from '../../domain/schemas/scheduling';
import { parseInput } from '../http-error';
import type { PageSource } from '../lists/read-page';
import { viewRows } from '../lists/view-rows';
import type { Couch } from '../plugins/couch';
import { coursesDb, sessionsDb } from './catalog-db';
import { courseExists, courseNotFound, invalidField } from './errors';

const fieldsOf = ({ _id, _rev, type, ...fields }: CourseDoc) => fields;

/** A course as the API answers it: its fields and its document id. */
export const courseView = (doc: CourseDoc) => ({ id: doc._id, ...fieldsOf(doc) });
type CourseView = ReturnType<typeof courseView>;

export async function listCourses(couch: Couch, includeInactive: boolean): Promise<CourseDoc[]> {
  const result = await coursesDb(couch).list({ startkey: 'course:', endkey: 'course:\ufff0', include_docs: true });
  const courses = result.rows.flatMap((row) => (row.doc?.type === 'course' ? [row.doc] : []));
  return courses.filter((course) => includeInactive || course.active).sort((a, b) => a.title.localeCompare(b.title));
}

/** Courses by title (the instructor's list also holds inactive ones), a page at a time. */
export function coursesByTitle(couch: Couch, includeInactive: boolean): PageSource<CourseView> {
  return {
    rows: viewRows(coursesDb(couch), 'catalog', 'courses_by_title', { start: [], end: [{}] }),
    items: async (rows) =>
      rows.map((row) => {
        const doc = row.doc as CourseDoc | undefined;
        return doc?.type === 'course' && (includeInactive || doc.active) ? [courseView(doc)] : [];
      }),
  };
}

export async function createCourse(couch: Couch, fields: CreateCourseRequest): Promise<CourseDoc> {
  const doc: CourseDoc = { _id: courseDocId(fields.code), type: 'course', ...fields };
  await conditionalWrite(coursesDb(couch), doc._id, (current) => {
    if (current) throw courseExists();
    return { write: doc, result: {} };
  });
  return doc;
}

/** Merges the change into the stored course and checks the whole again; the code is part of the id. */
export async function updateCourse(couch: Couch, id: string, patch: UpdateCourseRequest, now: Date): Promise<CourseDoc> {
  const { doc, renamed } = await conditionalWrite(coursesDb(couch), id, (current) => {
    if (!current || current.type !== 'course') throw courseNotFound();
    if (patch.code !== undefined && patch.code.toLowerCase() !== current.code.toLowerCase()) {
      throw invalidField('code', 'The course code cannot change; create a new course instead.');
    }
    const fields = parseInput(createCourseRequest, { ...fieldsOf(current), ...patch, code: current.code });
    const next: CourseDoc = { ...current, ...fields };
    return { write: next, result: { doc: next, renamed: next.title !== current.title } };
  });
  if (renamed) await retitleUpcomingSessions(couch, doc, now);
  return doc;
}

/** Sessions carry their course title so that devices can list them offline; keep upcoming ones current. */
async function retitleUpcomingSessions(couch: Couch, course: CourseDoc, now: Date): Promise<void> {
  const result = await sessionsDb(couch).view<null>('catalog', 'sessions_by_course', {
    startkey: [course._id, now.toISOString()],
    endkey: [course._id, {}],
  });
  await Promise.all(
    result.rows.map((row) =>
      conditionalWrite(sessionsDb(couch), row.id, (current): { done: object } | { write: SessionDoc; result: object } =>
        current && current.status === 'scheduled' && current.courseTitle !== course.title
          ? { write: { ...current, courseTitle: course.title, updatedAt: now.toISOString() }, result: {} }
          : { done: {} },
      ),
    ),
  );
}
