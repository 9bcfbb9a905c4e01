import { randomInt, randomUUID } from 'node:crypto';
import { addDaysToDate, weekdayOf } from '../../domain/london-time';
import { as, type TestApp } from './build-app';

/**
 * Integration files share one CouchDB and one instructor, and the overlap rule is global, so each
 * file schedules in its own far-future window: a random Monday within the given years (give each
 * file its own years so that files never meet). `at(day, '09:30')` is London local time.
 */
export function privateWindow(firstYear: number, lastYear: number) {
  const year = randomInt(firstYear, lastYear + 1);
  const jan = `${year}-01-0${randomInt(1, 8)}`;
  const monday = addDaysToDate(addDaysToDate(jan, (8 - weekdayOf(jan)) % 7), 7 * randomInt(0, 40));
  const date = (day: number): string => addDaysToDate(monday, day);
  return { monday, date, at: (day: number, time: string): string => `${date(day)}T${time}` };
}

export const testCourse = (fields: Record<string, unknown> = {}) => ({
  code: `T${randomUUID().slice(0, 8)}`,
  title: `Test course ${randomUUID().slice(0, 4)}`,
  durationDays: 1,
  dailyStart: '09:00',
  dailyEnd: '16:30',
  pricePence: 9500,
  certificateValidityMonths: 36,
  ...fields,
});

/** Creates a course as the instructor; answers its id. */
export async function createTestCourse(app: TestApp, instructor: string, fields: Record<string, unknown> = {}): Promise<string> {
  const response = await app.inject(as(instructor, { method: 'POST', url: '/api/courses', payload: testCourse(fields) }));
  if (response.statusCode !== 201) throw new Error(`course not created: ${response.body}`);
  return response.json().course.id;
}
