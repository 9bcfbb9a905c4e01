import { conditionalWrite } from '../../couch/client/conditional-write';
import { sessionDocId } from '../../domain/doc-ids';
import { occurrences } from '../../domain/recurrence';
import type { CourseDoc, ScheduleEntry, SessionDoc } from '../../domain/schemas/catalog';
import type { CreateSessionRequest } from '../../domain/schemas/scheduling';
import type { Couch } from '../plugins/couch';
import { getCourse, sessionsDb, type ScheduleContext } from './catalog-db';
import { courseInactive, courseNotFound, scheduleConflict } from './errors';
import { confirmSlots, describeClashes, reserveSlots } from './schedule';
import { assertDaysFit, assertWithinHorizon } from './session-rules';

export type NewSessions = (couch: Couch, docs: readonly SessionDoc[]) => Promise<void>;

/** Creates each document unless it exists already (recovery may have finished it first). */
export const writeNewSessions: NewSessions = async (couch, docs) => {
  await Promise.all(
    docs.map((doc) => conditionalWrite(sessionsDb(couch), doc._id, (current) => (current ? { done: {} } : { write: doc, result: {} }))),
  );
};

const entryFor = (doc: SessionDoc): ScheduleEntry => ({
  sessionId: doc._id,
  location: doc.location,
  days: doc.days,
  pending: { courseId: doc.courseId, courseTitle: doc.courseTitle, capacity: doc.capacity, notes: doc.notes, ...(doc.seriesId ? { seriesId: doc.seriesId } : {}) },
});

/**
 * Reserves the slots in the schedule document (all or none), then writes the session documents,
 * then confirms the entries. A crash in between leaves pending entries that recovery completes.
 */
export async function placeSessions(ctx: ScheduleContext, docs: readonly SessionDoc[], write: NewSessions = writeNewSessions): Promise<void> {
  const clashes = await reserveSlots(ctx, docs.map(entryFor));
  if (clashes.length) throw scheduleConflict(await describeClashes(ctx.couch, clashes));
  await write(ctx.couch, docs);
  await confirmSlots(ctx, docs.map((doc) => doc._id));
}

export function newSessionDoc(course: CourseDoc, fields: Pick<SessionDoc, 'location' | 'days' | 'capacity' | 'notes' | 'seriesId'>, now: Date): SessionDoc {
  return {
    _id: sessionDocId(),
    type: 'session',
    courseId: course._id,
    courseTitle: course.title,
    location: fields.location,
    days: fields.days,
    capacity: fields.capacity,
    status: 'scheduled',
    ...(fields.seriesId ? { seriesId: fields.seriesId } : {}),
    notes: fields.notes,
    holds: [],
    updatedAt: now.toISOString(),
  };
}

/** One session, or a whole recurring series: every occurrence is created, or none is. */
export async function createSessions(ctx: ScheduleContext, request: CreateSessionRequest): Promise<SessionDoc[]> {
  const now = ctx.now();
  const course = await getCourse(ctx.couch, request.courseId);
  if (!course) throw courseNotFound();
  if (!course.active) throw courseInactive();
  assertDaysFit(request.days, course.durationDays, now, ctx.horizonYears);
  const series = occurrences(request.days, request.recurrence);
  assertWithinHorizon(series.at(-1) ?? request.days, now, ctx.horizonYears);
  const seriesId = request.recurrence ? globalThis.crypto.randomUUID() : undefined;
  const docs = series.map((days) =>
    newSessionDoc(course, { location: request.location, days, capacity: request.capacity, notes: request.notes, seriesId }, now),
  );
  await placeSessions(ctx, docs);
  return docs;
}
