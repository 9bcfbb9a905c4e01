import { isNotFound } from '../../couch/client';
import { conditionalWrite, type Decision } from '../../couch/client/conditional-write';
import { SCHEDULE_DOC_ID } from '../../domain/doc-ids';
import { findClashes, type OccurrenceClash, type Slot } from '../../domain/schedule-overlap';
import type { ScheduleDoc, ScheduleEntry } from '../../domain/schemas/catalog';
import type { Couch } from '../plugins/couch';
import { getSessions, scheduleDb, type ScheduleContext } from './catalog-db';
import type { ScheduleConflict } from './errors';

/**
 * The schedule document is the authority for the instructor's future timetable. Every create, move
 * and cancel is a conditional write of it: two devices moving sessions into one slot at the same
 * moment both read the same `_rev`, and CouchDB lets only one write land; the other re-reads, sees
 * the clash and refuses. Session documents are written after it, so recovery can always finish
 * the job from the schedule (see recover-schedule.ts).
 */

type Change<R> = Decision<ScheduleDoc, R>;

/** Past entries go on every write, so the document holds only the future timetable. */
const upcoming = (entries: readonly ScheduleEntry[], now: Date): ScheduleEntry[] =>
  entries.filter((entry) => entry.pending || Date.parse(entry.days.at(-1)!.end) > now.getTime());

const withEntries = (sessions: ScheduleEntry[], now: Date): ScheduleDoc => ({
  _id: SCHEDULE_DOC_ID,
  type: 'schedule',
  sessions,
  updatedAt: now.toISOString(),
});

const changeSchedule = <R extends object>(couch: Couch, decide: (entries: ScheduleEntry[]) => Change<R>): Promise<R> =>
  conditionalWrite(scheduleDb(couch), SCHEDULE_DOC_ID, (current) => decide(current?.sessions ?? []));

export async function readSchedule(couch: Couch): Promise<ScheduleEntry[]> {
  const doc = await scheduleDb(couch).get(SCHEDULE_DOC_ID).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  return doc?.sessions ?? [];
}

/** Adds the entries unless one clashes with the timetable; answers the clashes (none when written). */
export async function reserveSlots(ctx: ScheduleContext, entries: readonly ScheduleEntry[]): Promise<OccurrenceClash<ScheduleEntry>[]> {
  const now = ctx.now();
  const { clashes } = await changeSchedule<{ clashes: OccurrenceClash<ScheduleEntry>[] }>(ctx.couch, (current) => {
    const kept = upcoming(current, now);
    const clashes = findClashes(entries, kept, ctx.travelBufferMinutes);
    if (clashes.length) return { done: { clashes } };
    return { write: withEntries([...kept, ...entries], now), result: { clashes } };
  });
  return clashes;
}

export type MoveOutcome = { moved: true } | { moved: false; clashes: OccurrenceClash<ScheduleEntry>[] };

/**
 * Moves a session's entry to a new slot unless it clashes with any other entry. A scheduled session
 * with no entry (written outside the API) is adopted under the same check.
 */
export async function moveSlot(ctx: ScheduleContext, sessionId: string, slot: Slot): Promise<MoveOutcome> {
  const now = ctx.now();
  return changeSchedule<MoveOutcome>(ctx.couch, (current) => {
    const others = upcoming(current, now).filter((entry) => entry.sessionId !== sessionId);
    const clashes = findClashes([slot], others, ctx.travelBufferMinutes);
    if (clashes.length) return { done: { moved: false, clashes } };
    const moved: ScheduleEntry = { sessionId, location: slot.location, days: [...slot.days] };
    return { write: withEntries([...others, moved], now), result: { moved: true } };
  });
}

export async function releaseSlot(ctx: Pick<ScheduleContext, 'couch' | 'now'>, sessionId: string): Promise<void> {
  const now = ctx.now();
  await changeSchedule(ctx.couch, (current) => {
    if (!current.some((entry) => entry.sessionId === sessionId)) return { done: {} };
    return { write: withEntries(upcoming(current, now).filter((entry) => entry.sessionId !== sessionId), now), result: {} };
  });
}

/** Drops the `pending` payload once the session documents exist. */
export async function confirmSlots(ctx: Pick<ScheduleContext, 'couch' | 'now'>, sessionIds: readonly string[]): Promise<void> {
  const confirming = new Set(sessionIds);
  const now = ctx.now();
  await changeSchedule(ctx.couch, (current) => {
    if (!current.some((entry) => entry.pending && confirming.has(entry.sessionId))) return { done: {} };
    const sessions = upcoming(current, now).map(({ pending, ...entry }) => (pending && !confirming.has(entry.sessionId) ? { ...entry, pending } : entry));
    return { write: withEntries(sessions, now), result: {} };
  });
}

/** The clashes as the API reports them, with each scheduled session's course title. */
export async function describeClashes(couch: Couch, clashes: readonly OccurrenceClash<ScheduleEntry>[]): Promise<ScheduleConflict[]> {
  const docs = await getSessions(couch, [...new Set(clashes.flatMap((clash) => clash.clashes.map((entry) => entry.sessionId)))]);
  return clashes.flatMap((clash) =>
    clash.clashes.map((entry) => ({
      sessionId: entry.sessionId,
      courseTitle: docs.get(entry.sessionId)?.courseTitle ?? entry.pending?.courseTitle ?? '',
      location: entry.location,
      start: entry.days[0]!.start,
      end: entry.days.at(-1)!.end,
      occurrence: clash.occurrence,
      occurrenceStart: clash.days[0]!.start,
      occurrenceEnd: clash.days.at(-1)!.end,
    })),
  );
}
