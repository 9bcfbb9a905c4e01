import { beforeAll, describe, expect, it } from 'vitest';
import { conditionalWrite, type Decision } from '../../../couch/client/conditional-write';
import { SCHEDULE_DOC_ID, sessionDocId } from '../../../domain/doc-ids';
import { londonToUtc } from '../../../domain/london-time';
import type { ScheduleDoc, ScheduleEntry, SessionDoc } from '../../../domain/schemas/catalog';
import { scheduleDb, sessionsDb } from '../../../sync-server/catalog/catalog-db';
import { recoverSchedule } from '../../../sync-server/catalog/recover-schedule';
import { readSchedule } from '../../../sync-server/catalog/schedule';
import { as, instructorApp } from '../../helpers/build-app';
import { createTestCourse, privateWindow } from '../../helpers/schedule-window';

const { app, instructor } = await instructorApp();
let courseId: string;
const w = privateWindow(2070, 2079);

beforeAll(async () => {
  courseId = await createTestCourse(app, instructor, { title: 'Recovered course' });
});

const day = (d: number, from = '09:00', to = '12:00') => ({ start: londonToUtc(w.at(d, from)), end: londonToUtc(w.at(d, to)) });

/** Rewrites the schedule as a crashed process would have left it. */
const editSchedule = (change: (entries: ScheduleEntry[]) => ScheduleEntry[]) =>
  conditionalWrite(scheduleDb(app.couch), SCHEDULE_DOC_ID, (current): Decision<ScheduleDoc, object> => ({
    write: { _id: SCHEDULE_DOC_ID, type: 'schedule', sessions: change(current?.sessions ?? []), updatedAt: new Date().toISOString() },
    result: {},
  }));

async function create(d: number): Promise<string> {
  const response = await app.inject(as(instructor, { method: 'POST', url: '/api/courses/sessions', payload: { courseId, location: 'A', start: w.at(d, '09:00'), end: w.at(d, '12:00') } }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().sessions[0].id;
}

const session = (id: string) => sessionsDb(app.couch).get(id) as Promise<SessionDoc>;
const entry = async (id: string) => (await readSchedule(app.couch)).find((e) => e.sessionId === id);

describe('recoverSchedule', () => {
  it('writes the session documents of a create that stopped after the schedule write', async () => {
    const id = sessionDocId();
    const pending = { courseId, courseTitle: 'Recovered course', capacity: 7, notes: 'Left by a crash', seriesId: 'series-1' };
    await editSchedule((entries) => [...entries, { sessionId: id, location: 'B', days: [day(1)], pending }]);
    await recoverSchedule(app.couch);
    expect(await session(id)).toMatchObject({ courseId, location: 'B', days: [day(1)], capacity: 7, notes: 'Left by a crash', seriesId: 'series-1', status: 'scheduled', holds: [] });
    expect(await entry(id)).toEqual({ sessionId: id, location: 'B', days: [day(1)] });
  });

  it('finishes a move that stopped after the schedule write', async () => {
    const id = await create(8);
    await editSchedule((entries) => entries.map((e) => (e.sessionId === id ? { ...e, location: 'B', days: [day(9)] } : e)));
    const report = await recoverSchedule(app.couch);
    expect(report.moved).toBeGreaterThanOrEqual(1);
    expect(await session(id)).toMatchObject({ location: 'B', days: [day(9)] });
  });

  it('finishes a cancel that stopped after the session was marked cancelled, freeing the slot', async () => {
    const id = await create(15);
    const db = sessionsDb(app.couch);
    await db.insert({ ...(await session(id)), status: 'cancelled' });
    const blocked = await app.inject(as(instructor, { method: 'POST', url: '/api/courses/sessions', payload: { courseId, location: 'A', start: w.at(15, '10:00'), end: w.at(15, '11:00') } }));
    expect(blocked.statusCode).toBe(409);
    await recoverSchedule(app.couch);
    expect(await entry(id)).toBeUndefined();
    expect((await session(id)).status).toBe('cancelled');
    await create(15);
  });

  it('drops an entry whose session document is gone', async () => {
    const id = sessionDocId();
    await editSchedule((entries) => [...entries, { sessionId: id, location: 'A', days: [day(22)] }]);
    await recoverSchedule(app.couch);
    expect(await entry(id)).toBeUndefined();
  });
});
