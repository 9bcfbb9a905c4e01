import { randomInt } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import { addLondonDays, londonDate, londonToUtc } from '../../../domain/london-time';
import type { CourseDoc, SessionDoc } from '../../../domain/schemas/catalog';
import { as, instructorApp } from '../../helpers/build-app';
import { bulkWrite, listCourse, listSession } from '../../helpers/list-fixtures';
import { allPages, listAll } from '../../helpers/lists';

const couch = inject('couch');
const { app, instructor } = await instructorApp();

const DAY_MS = 24 * 3600_000;
const todayMidnight = () => londonToUtc(`${londonDate(new Date().toISOString())}T00:00`);
// Sessions written straight into the catalog in a year no other file uses, so the window holds only these.
const year = 2110 + randomInt(0, 3);
const at = (day: number, hour = 9) => new Date(Date.UTC(year, 2, 1 + day, hour));
const windowQuery = `from=${year}-03-01&to=${year}-09-01`;

async function writeSessions(course: CourseDoc, starts: Date[]): Promise<SessionDoc[]> {
  const sessions = starts.map((start) => listSession(course, start));
  await bulkWrite(couch, DB.catalog, sessions);
  return sessions;
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('GET /api/courses/sessions', () => {
  it('covers today and the next 90 days when no window is given, and says which window it used', async () => {
    const course = listCourse();
    const [soon, later] = await writeSessions(course, [new Date(Date.now() + DAY_MS), new Date(Date.now() + 95 * DAY_MS)]);
    const response = await app.inject({ method: 'GET', url: `/api/courses/sessions?courseId=${encodeURIComponent(course._id)}` });
    expect(response.statusCode).toBe(200);
    const from = todayMidnight();
    expect(response.json()).toEqual({ sessions: [expect.objectContaining({ id: soon!._id })], from, to: addLondonDays(from, 90), next: null });
    const fromLater = (await app.inject({ method: 'GET', url: `/api/courses/sessions?courseId=${encodeURIComponent(course._id)}&from=${londonDate(later!.days[0]!.start)}` })).json();
    expect(ids(fromLater.sessions)).toEqual([later!._id]);
    const toLater = (await app.inject({ method: 'GET', url: `/api/courses/sessions?courseId=${encodeURIComponent(course._id)}&to=${londonDate(later!.days[0]!.end)}T23:59` })).json();
    expect(ids(toLater.sessions)).toEqual([later!._id]);
  });

  it('pages through every session of a window once, in order of start, with or without a course filter', async () => {
    const course = listCourse();
    // Three sessions share a start: the pages must still neither skip nor repeat one.
    const starts = [...Array.from({ length: 117 }, (_, i) => at(i % 100, 8 + (i % 3) * 3)), at(50, 20), at(50, 20), at(50, 20)];
    const sessions = await writeSessions(course, starts);
    const expected = [...sessions].sort((a, b) => a.days[0]!.start.localeCompare(b.days[0]!.start)).map((s) => s.days[0]!.start);
    for (const url of [`/api/courses/sessions?${windowQuery}&limit=7`, `/api/courses/sessions?courseId=${encodeURIComponent(course._id)}&${windowQuery}&limit=7`]) {
      const pages = await allPages(app, url);
      expect(pages.slice(0, -1).every((page) => (page.sessions as unknown[]).length === 7)).toBe(true);
      const listed = pages.flatMap((page) => page.sessions as { id: string; start: string }[]).filter((s) => s.id.startsWith('session:'));
      const mine = listed.filter((s) => sessions.some((written) => written._id === s.id));
      expect(new Set(ids(mine)).size).toBe(sessions.length);
      expect(mine.map((s) => s.start)).toEqual(expected);
    }
  });

  it('keeps its place when sessions are added or removed between pages', async () => {
    const course = listCourse();
    const sessions = await writeSessions(course, Array.from({ length: 20 }, (_, i) => at(120 + i)));
    const url = `/api/courses/sessions?courseId=${encodeURIComponent(course._id)}&${windowQuery}&limit=5`;
    const first = (await app.inject({ method: 'GET', url })).json();
    expect(ids(first.sessions)).toEqual(sessions.slice(0, 5).map((s) => s._id));
    const [before, after] = await writeSessions(course, [at(121, 12), at(135, 12)]);
    const db = couchAs(couch.url, couch.sync).use<SessionDoc>(DB.catalog);
    const gone = await db.get(sessions[7]!._id);
    await db.destroy(gone._id, gone._rev!);
    const rest = await listAll<{ id: string }>(app, url, 'sessions', {}, first.next);
    const stayed = sessions.slice(5).filter((_, i) => i !== 2).map((s) => s._id);
    expect(ids(rest).filter((id) => id !== after!._id)).toEqual(stayed);
    expect(ids(rest)).toContain(after!._id);
    expect(ids(rest)).not.toContain(before!._id);
  });

  it('fills pages past sessions a filter leaves out (full or cancelled), and /api/calendar/availability pages the same way', async () => {
    const course = listCourse();
    const full = (start: Date) => ({ capacity: 1, holds: [{ holdId: 'f'.repeat(32), seats: 1, at: start.toISOString() }] });
    const unbookable = (start: Date, i: number) => (i % 3 === 1 ? full(start) : { status: 'cancelled' as const });
    const sessions = Array.from({ length: 30 }, (_, i) => listSession(course, at(150 + i), i % 3 === 0 ? {} : unbookable(at(150 + i), i)));
    await bulkWrite(couch, DB.catalog, sessions);
    const open = sessions.filter((_, i) => i % 3 === 0).map((s) => s._id);
    const available = await allPages(app, `/api/courses/sessions?courseId=${encodeURIComponent(course._id)}&${windowQuery}&available=true&limit=4`);
    expect(available.flatMap((page) => ids(page.sessions as { id: string }[]))).toEqual(open);
    expect(available.slice(0, -1).every((page) => (page.sessions as unknown[]).length === 4)).toBe(true);
    const availability = await listAll<{ id: string }>(app, `/api/calendar/availability?from=${year}-07-29&to=${year}-09-01&limit=3`, 'sessions');
    expect(ids(availability).filter((id) => sessions.some((s) => s._id === id))).toEqual(open);
  });
});

describe('GET /api/courses', () => {
  it('pages through every course by title, inactive ones for the instructor only', async () => {
    const inactive = { ...listCourse('Zz inactive list course'), active: false };
    await bulkWrite(couch, DB.catalog, [listCourse('Aa list course'), listCourse('Aa list course'), inactive]);
    for (const headers of [{}, { cookie: instructor }] as Record<string, string>[]) {
      const before = await listAll<{ id: string; title: string }>(app, '/api/courses?limit=500', 'courses', headers);
      const paged = await listAll<{ id: string; title: string }>(app, '/api/courses?limit=2', 'courses', headers);
      const after = await listAll<{ id: string; title: string }>(app, '/api/courses?limit=500', 'courses', headers);
      // Other files add courses to the shared catalog meanwhile: the pages hold every course of the
      // list before, and only courses of the list after, as that list has them and in its order.
      expect(paged).toEqual(after.filter((course) => ids(paged).includes(course.id)));
      expect(ids(before).filter((id) => !ids(paged).includes(id))).toEqual([]);
      expect(new Set(ids(paged)).size).toBe(paged.length);
      expect(ids(paged).includes(inactive._id)).toBe('cookie' in headers);
    }
    const first = (await app.inject(as(instructor, { method: 'GET', url: '/api/courses?limit=1' }))).json();
    expect(first).toEqual({ courses: [expect.any(Object)], next: expect.any(String) });
  });
});
