import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfClashes } from '../../../domain/schedule-overlap';
import { readSchedule } from '../../../sync-server/catalog/schedule';
import { seedDemoCatalog, seedSessions } from '../../../sync-server/catalog/seed';
import { buildTestApp, type TestApp } from '../../helpers/build-app';
import { listAll } from '../../helpers/lists';
import { startTestCouch } from '../../helpers/test-couch';

// Seeding wants an empty catalog, so this file runs its own server.
let couch: Awaited<ReturnType<typeof startTestCouch>>;
let app: TestApp;

beforeAll(async () => {
  couch = await startTestCouch();
  app = await buildTestApp({}, couch);
});
afterAll(async () => {
  await app.close();
  await couch.stop();
});

type Listed = { id: string; location: 'A' | 'B'; days: { start: string; end: string }[]; courseTitle: string };

const noTwoClash = (sessions: readonly Listed[]): boolean => selfClashes(sessions, 60).length === 0;

describe('seedDemoCatalog', () => {
  it('creates the five courses and non-overlapping sessions at A and B, only on an empty catalog', async () => {
    const now = new Date('2031-02-04T12:00:00Z');
    expect(await seedDemoCatalog(app.couch, { weeks: 8, now })).toEqual({ courses: 5, sessions: 24 });
    const courses = await listAll<{ code: string }>(app, '/api/courses', 'courses');
    expect(courses.map((c) => c.code).sort()).toEqual(['EFAW', 'EPFA', 'FAW', 'FAW-RQ', 'PFA']);
    expect(courses.find((c: { code: string }) => c.code === 'FAW')).toMatchObject({ durationDays: 3, certificateValidityMonths: 36 });
    const sessions = await listAll<Listed>(app, '/api/courses/sessions?from=2031-02-04&to=2032-02-04', 'sessions');
    expect(sessions).toHaveLength(24);
    expect(new Set(sessions.map((s) => s.location))).toEqual(new Set(['A', 'B']));
    expect(noTwoClash(sessions)).toBe(true);
    expect((await readSchedule(app.couch)).length).toBe(24);
    expect(await seedDemoCatalog(app.couch, { weeks: 8, now })).toEqual({ courses: 0, sessions: 0 });
  });
});

describe('seedSessions', () => {
  it('adds many sessions after the existing ones, in the schedule and never overlapping', async () => {
    expect(await seedSessions(app.couch, 600, { now: new Date('2031-02-04T12:00:00Z') })).toEqual({ sessions: 600 });
    const sessions = await listAll<Listed>(app, '/api/courses/sessions?from=2031-02-04&to=2041-02-04&limit=500', 'sessions');
    expect(sessions).toHaveLength(624);
    expect(noTwoClash(sessions)).toBe(true);
    const entries = await readSchedule(app.couch);
    expect(entries).toHaveLength(624);
    expect(entries.some((entry) => entry.pending)).toBe(false);
  });
});
