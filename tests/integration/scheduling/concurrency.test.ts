import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, logIn, type TestApp } from '../../helpers/build-app';
import { createTestCourse, privateWindow } from '../../helpers/schedule-window';
import { INSTRUCTOR } from '../../helpers/test-couch';

let app: TestApp;
let other: TestApp;
let instructor: string;
let courseId: string;
const w = privateWindow(2050, 2069);

beforeAll(async () => {
  // Two app instances stand for two sync-server processes: no in-process lock can help them.
  [app, other] = await Promise.all([buildTestApp(), buildTestApp()]);
  instructor = await logIn(app, INSTRUCTOR.email, INSTRUCTOR.password);
  courseId = await createTestCourse(app, instructor);
});
afterAll(async () => {
  await app.close();
  await other.close();
});

const slot = (day: number, from: string, to: string) => ({ start: w.at(day, from), end: w.at(day, to) });

async function create(day: number): Promise<string> {
  const response = await app.inject(as(instructor, { method: 'POST', url: '/api/courses/sessions', payload: { courseId, location: 'A', ...slot(day, '09:00', '12:00') } }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().sessions[0].id;
}

describe('two devices changing the schedule at the same moment', () => {
  it('lets exactly one of two moves into the same slot succeed', async () => {
    for (let round = 0; round < 3; round++) {
      const base = round * 7;
      const [first, second] = [await create(base), await create(base + 1)];
      const target = slot(base + 3, '10:00', '15:00');
      const responses = await Promise.all([
        app.inject(as(instructor, { method: 'PUT', url: `/api/courses/sessions/${first}`, payload: { ...target, location: 'A' } })),
        other.inject(as(instructor, { method: 'PUT', url: `/api/courses/sessions/${second}`, payload: { ...target, location: 'B' } })),
      ]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const loser = responses.find((r) => r.statusCode === 409)!;
      expect(loser.json().error).toBe('schedule_conflict');
    }
  });

  it('lets exactly one of two new sessions into the same slot', async () => {
    const payload = { courseId, location: 'B', ...slot(30, '09:00', '16:00') };
    const responses = await Promise.all([
      app.inject(as(instructor, { method: 'POST', url: '/api/courses/sessions', payload })),
      other.inject(as(instructor, { method: 'POST', url: '/api/courses/sessions', payload: { ...payload, recurrence: { frequency: 'weekly', count: 3 } } })),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const listed = await app.inject({ method: 'GET', url: `/api/courses/sessions?courseId=${courseId}&from=${w.date(30)}&to=${w.date(31)}` });
    expect(listed.json().sessions).toHaveLength(1);
  });
});
