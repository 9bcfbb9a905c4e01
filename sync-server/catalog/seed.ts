import { DB } from '../../domain/databases';
import { courseDocId } from '../../domain/doc-ids';
import { addDaysToDate, londonDate, weekdayOf } from '../../domain/london-time';
import { courseDays } from '../../domain/recurrence';
import { MAX_OCCURRENCES } from '../../domain/schemas/recurrence';
import { DEFAULT_TRAVEL_BUFFER_MINUTES } from '../../domain/schedule-overlap';
import type { CourseDoc, Location, SessionDoc } from '../../domain/schemas/catalog';
import { createCourseRequest, createSessionRequest, type CreateCourseRequest } from '../../domain/schemas/scheduling';
import type { Couch } from '../plugins/couch';
import { getCourse, type ScheduleContext } from './catalog-db';
import { createCourse, listCourses } from './courses';
import { createSessions, newSessionDoc, placeSessions, type NewSessions } from './create-sessions';
import { readSchedule } from './schedule';

const course = (fields: Omit<CreateCourseRequest, 'dailyStart' | 'dailyEnd' | 'certificateValidityMonths' | 'active'>): CreateCourseRequest =>
  createCourseRequest.parse({ dailyStart: '09:00', dailyEnd: '16:30', certificateValidityMonths: 36, active: true, ...fields });

export const DEMO_COURSES: readonly CreateCourseRequest[] = [
  course({ code: 'EFAW', title: 'Emergency First Aid at Work', durationDays: 1, pricePence: 9_500, description: 'The one-day HSE-compliant course for low-risk workplaces: CPR and AED, choking, bleeding, shock and minor injuries.' }),
  course({ code: 'FAW', title: 'First Aid at Work', durationDays: 3, pricePence: 22_500, description: 'The full three-day workplace first aider qualification for higher-risk workplaces.' }),
  course({ code: 'FAW-RQ', title: 'First Aid at Work Requalification', durationDays: 2, pricePence: 16_500, description: 'Two days to renew a First Aid at Work certificate before it expires.' }),
  course({ code: 'PFA', title: 'Paediatric First Aid', durationDays: 2, pricePence: 17_500, description: 'The two-day Ofsted and EYFS-compliant course for nurseries, childminders and schools.' }),
  course({ code: 'EPFA', title: 'Emergency Paediatric First Aid', durationDays: 1, pricePence: 9_500, description: 'One day of emergency first aid for babies and children; EYFS compliant for some settings.' }),
];

/**
 * A fortnightly timetable, one course per weekday at most, so no two sessions are ever close enough
 * to need the travel buffer: [week of the fortnight, first weekday (1 = Monday), course, venue].
 */
const FORTNIGHT: readonly [number, number, string, Location][] = [
  [0, 1, 'FAW', 'A'],
  [0, 4, 'EFAW', 'B'],
  [0, 5, 'EPFA', 'A'],
  [1, 1, 'PFA', 'B'],
  [1, 3, 'FAW-RQ', 'A'],
  [1, 5, 'EFAW', 'B'],
];

const nextMonday = (now: Date): string => {
  const today = londonDate(now.toISOString());
  return addDaysToDate(today, ((8 - weekdayOf(today)) % 7) || 7);
};

const contextFor = (couch: Couch, now: Date, travelBufferMinutes = DEFAULT_TRAVEL_BUFFER_MINUTES): ScheduleContext => ({
  couch,
  travelBufferMinutes,
  now: () => now,
});

/** Creates the demo course list and fortnightly series over the next `weeks` weeks; only on an empty catalog. */
export async function seedDemoCatalog(
  couch: Couch,
  options: { weeks: number; now?: Date; travelBufferMinutes?: number },
): Promise<{ courses: number; sessions: number }> {
  if ((await listCourses(couch, true)).length > 0 || (await readSchedule(couch)).length > 0) return { courses: 0, sessions: 0 };
  const ctx = contextFor(couch, options.now ?? new Date(), options.travelBufferMinutes);
  const courses = new Map<string, CourseDoc>();
  for (const fields of DEMO_COURSES) courses.set(fields.code, await createCourse(couch, fields));

  const firstMonday = nextMonday(ctx.now());
  let sessions = 0;
  for (const [week, weekday, code, location] of FORTNIGHT) {
    const count = Math.min(Math.floor((options.weeks - week + 1) / 2), MAX_OCCURRENCES);
    if (count < 1) continue;
    const demo = courses.get(code)!;
    const request = createSessionRequest.parse({
      courseId: demo._id,
      location,
      days: courseDays(demo, addDaysToDate(firstMonday, week * 7 + weekday - 1)),
      recurrence: { frequency: 'weekly', interval: 2, count },
    });
    sessions += (await createSessions(ctx, request)).length;
  }
  return { courses: courses.size, sessions };
}

const BULK_BATCH = 500;

/** Writes new session documents with _bulk_docs; a document that exists already is left alone. */
const bulkWriteNewSessions: NewSessions = async (couch, docs) => {
  const results = await couch.sync.use<SessionDoc>(DB.catalog).bulk({ docs: [...docs] });
  const failed = results.filter((result) => result.error && result.error !== 'conflict');
  if (failed.length) throw new Error(`Seeding sessions failed: ${failed[0]!.error} ${failed[0]!.reason ?? ''}`);
};

/** Views index lazily; building them for thousands of sessions takes seconds, so do it now, not in the first user's request. */
async function indexCatalogViews(couch: Couch): Promise<void> {
  const db = couch.sync.use<SessionDoc>(DB.catalog);
  await Promise.all(['sessions_by_start', 'sessions_by_course', 'courses_by_title'].map((view) => db.view('catalog', view, { limit: 1 })));
}

async function ensureCourse(couch: Couch, fields: CreateCourseRequest): Promise<CourseDoc> {
  return (await getCourse(couch, courseDocId(fields.code))) ?? createCourse(couch, fields);
}

/**
 * A large catalog for benchmarks: `count` one-day sessions on consecutive weekdays after everything
 * already scheduled, alternating venues. Each batch still goes through the schedule document.
 */
export async function seedSessions(couch: Couch, count: number, options: { now?: Date } = {}): Promise<{ sessions: number }> {
  const ctx = contextFor(couch, options.now ?? new Date());
  const oneDayCourses = await Promise.all(DEMO_COURSES.filter((fields) => fields.durationDays === 1).map((fields) => ensureCourse(couch, fields)));
  const lastEnd = (await readSchedule(couch)).reduce((latest, entry) => Math.max(latest, Date.parse(entry.days.at(-1)!.end)), ctx.now().getTime());
  let date = nextMonday(new Date(lastEnd));
  const docs: SessionDoc[] = [];
  while (docs.length < count) {
    if (weekdayOf(date) >= 1 && weekdayOf(date) <= 5) {
      const demo = oneDayCourses[docs.length % oneDayCourses.length]!;
      const location: Location = docs.length % 2 ? 'B' : 'A';
      docs.push(newSessionDoc(demo, { location, days: courseDays(demo, date), capacity: 12, notes: '' }, ctx.now()));
    }
    date = addDaysToDate(date, 1);
  }
  for (let start = 0; start < docs.length; start += BULK_BATCH) {
    await placeSessions(ctx, docs.slice(start, start + BULK_BATCH), bulkWriteNewSessions);
  }
  await indexCatalogViews(couch);
  return { sessions: docs.length };
}
