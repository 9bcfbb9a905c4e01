import type { DocumentScope } from 'nano';
import { isNotFound } from '../../couch/client';
import { DB } from '../../domain/databases';
import type { CourseDoc, ScheduleDoc, SessionDoc } from '../../domain/schemas/catalog';
import type { Couch } from '../plugins/couch';

/** What every scheduling operation needs: the database, the travel buffer, the clock and how far ahead it may book. */
export interface ScheduleContext {
  couch: Couch;
  travelBufferMinutes: number;
  now: () => Date;
  /** Years ahead a session may be scheduled; SCHEDULE_HORIZON_YEARS when omitted. */
  horizonYears?: number;
}

export const sessionsDb = (couch: Couch): DocumentScope<SessionDoc> => couch.sync.use<SessionDoc>(DB.catalog);
export const coursesDb = (couch: Couch): DocumentScope<CourseDoc> => couch.sync.use<CourseDoc>(DB.catalog);
export const scheduleDb = (couch: Couch): DocumentScope<ScheduleDoc> => couch.sync.use<ScheduleDoc>(DB.catalog);

async function getTyped<T extends { type: string }>(db: DocumentScope<T>, id: string, type: T['type']): Promise<T | null> {
  const doc = await db.get(id).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  return doc && doc.type === type ? doc : null;
}

export const getSession = (couch: Couch, id: string): Promise<SessionDoc | null> => getTyped(sessionsDb(couch), id, 'session');
export const getCourse = (couch: Couch, id: string): Promise<CourseDoc | null> => getTyped(coursesDb(couch), id, 'course');

/** Session documents by id, in one request; missing ids are absent from the map. */
export async function getSessions(couch: Couch, ids: readonly string[]): Promise<Map<string, SessionDoc>> {
  if (ids.length === 0) return new Map();
  const result = await sessionsDb(couch).fetch({ keys: [...ids] });
  const docs = result.rows.flatMap((row) => ('doc' in row && row.doc && row.doc.type === 'session' ? [row.doc as SessionDoc] : []));
  return new Map(docs.map((doc) => [doc._id, doc]));
}
