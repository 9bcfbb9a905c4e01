import { LOCATIONS, SESSION_STATUSES } from '../../../../domain/catalog-values';
import { DOC_TYPES } from '../../../../domain/doc-ids';
import type { CourseDoc, SessionDoc } from '../../../../domain/schemas/catalog';

type Fields = Record<string, unknown>;

const isText = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isDay = (day: unknown): boolean => typeof day === 'object' && day !== null && isText((day as Fields).start) && isText((day as Fields).end);

/*
 * Catalog docs reach the server only through the sync-server's zod schemas and the catalog's
 * validate_doc_update, so on the device a doc just has to carry the fields the screens read. A
 * plain check is what keeps zod out of the first-render bundle and thousands of parses off the
 * first paint. Missing optional fields get the schema's defaults.
 */

export const asSessionDoc = (doc: Fields): SessionDoc | undefined => {
  const shaped =
    doc.type === DOC_TYPES.session &&
    isText(doc.courseId) &&
    isText(doc.courseTitle) &&
    isText(doc.updatedAt) &&
    isNumber(doc.capacity) &&
    LOCATIONS.includes(doc.location as never) &&
    SESSION_STATUSES.includes(doc.status as never) &&
    Array.isArray(doc.days) &&
    doc.days.length > 0 &&
    doc.days.every(isDay) &&
    (doc.holds === undefined || Array.isArray(doc.holds));
  if (!shaped) return undefined;
  return (Array.isArray(doc.holds) && isText(doc.notes) ? doc : { notes: '', holds: [], ...doc }) as SessionDoc;
};

export const asCourseDoc = (doc: Fields): CourseDoc | undefined => {
  const shaped = doc.type === DOC_TYPES.course && isText(doc.title) && isNumber(doc.pricePence) && isNumber(doc.durationDays);
  if (!shaped) return undefined;
  return { description: '', active: true, ...doc } as CourseDoc;
};
