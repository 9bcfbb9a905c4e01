import { beforeAll, describe, expect, it } from 'vitest';
import { as, instructorApp, signUp } from '../../helpers/build-app';
import { listAll } from '../../helpers/lists';
import { createTestCourse, privateWindow, testCourse } from '../../helpers/schedule-window';

const { app, instructor } = await instructorApp();
let customer: string;
const window = privateWindow(2090, 2099);

beforeAll(async () => {
  customer = (await signUp(app)).cookie;
});

describe('POST /api/courses', () => {
  it('creates a course (201) with its id, and lists it publicly', async () => {
    const fields = testCourse({ durationDays: 3, pricePence: 22500 });
    const created = await app.inject(as(instructor, { method: 'POST', url: '/api/courses', payload: fields }));
    expect(created.statusCode).toBe(201);
    expect(created.json().course).toEqual({ id: `course:${fields.code.toLowerCase()}`, ...fields, description: '', active: true });
    expect(await listAll(app, '/api/courses', 'courses')).toContainEqual(created.json().course);
  });

  it('refuses a duplicate code (409 course_exists) and invalid fields (400 naming them)', async () => {
    const fields = testCourse();
    await app.inject(as(instructor, { method: 'POST', url: '/api/courses', payload: fields }));
    const again = await app.inject(as(instructor, { method: 'POST', url: '/api/courses', payload: fields }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('course_exists');
    const bad = await app.inject(as(instructor, { method: 'POST', url: '/api/courses', payload: testCourse({ durationDays: 6, dailyEnd: '08:00' }) }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['durationDays', 'dailyEnd']);
  });

  it('is for the instructor only: customer 403, anonymous 401', async () => {
    expect((await app.inject(as(customer, { method: 'POST', url: '/api/courses', payload: testCourse() }))).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/courses', payload: testCourse() })).statusCode).toBe(401);
  });
});

describe('PUT /api/courses/:id', () => {
  it('changes some fields and keeps the rest', async () => {
    const id = await createTestCourse(app, instructor);
    const response = await app.inject(as(instructor, { method: 'PUT', url: `/api/courses/${id}`, payload: { pricePence: 12000, description: 'New' } }));
    expect(response.statusCode).toBe(200);
    expect(response.json().course).toMatchObject({ id, pricePence: 12000, description: 'New', durationDays: 1, active: true });
  });

  it('hides an inactive course from the public list but not from the instructor', async () => {
    const id = await createTestCourse(app, instructor);
    await app.inject(as(instructor, { method: 'PUT', url: `/api/courses/${id}`, payload: { active: false } }));
    const ids = async (headers: Record<string, string> = {}) => (await listAll<{ id: string }>(app, '/api/courses', 'courses', headers)).map((c) => c.id);
    expect(await ids()).not.toContain(id);
    expect(await ids({ cookie: instructor })).toContain(id);
  });

  it('renames the upcoming sessions of a renamed course', async () => {
    const id = await createTestCourse(app, instructor);
    const created = await app.inject(as(instructor, {
      method: 'POST',
      url: '/api/courses/sessions',
      payload: { courseId: id, location: 'A', start: window.at(1, '09:00'), end: window.at(1, '16:30') },
    }));
    expect(created.statusCode).toBe(201);
    await app.inject(as(instructor, { method: 'PUT', url: `/api/courses/${id}`, payload: { title: 'Renamed course' } }));
    const session = await app.inject({ method: 'GET', url: `/api/courses/sessions/${created.json().sessions[0].id}` });
    expect(session.json().session.courseTitle).toBe('Renamed course');
  });

  it('refuses a new code (400), an unknown course (404), a bad change (400), customers (403) and anonymous callers (401)', async () => {
    const id = await createTestCourse(app, instructor);
    const put = (payload: object, cookie = instructor, url = `/api/courses/${id}`) => app.inject(as(cookie, { method: 'PUT', url, payload }));
    expect((await put({ code: 'OTHER' })).json()).toMatchObject({ error: 'invalid_request', fields: [{ field: 'code' }] });
    expect((await put({ title: 'Nothing here' }, instructor, '/api/courses/course:nope')).statusCode).toBe(404);
    expect((await put({ dailyStart: '17:00' })).json().fields[0].field).toBe('dailyEnd');
    expect((await put({ title: 'Customer title' }, customer)).statusCode).toBe(403);
    expect((await app.inject({ method: 'PUT', url: `/api/courses/${id}`, payload: { title: 'Anon' } })).statusCode).toBe(401);
  });
});
