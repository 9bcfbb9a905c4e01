import { z } from 'zod';
import { occurrences } from '../recurrence';
import { selfClashes } from '../schedule-overlap';
import { MAX_SEATS } from '../seats';
import { capacitySchema, courseFields, locationSchema, notesSchema, notesText, type DayRange } from './catalog';
import { instantInput } from './instants';
import { pageQueryFields, TO_AFTER_FROM, toAfterFrom, windowQueryFields } from './lists';
import { MAX_OCCURRENCES, recurrenceSchema } from './recurrence';

/** A session's days all fall within this many days of its first start (lets queries bound their look-back). */
export const MAX_SESSION_SPAN_DAYS = 14;

/** How far ahead the instructor may schedule: a typo such as year 9999 is refused, not stored. */
export const SCHEDULE_HORIZON_YEARS = 2;

/** The latest instant a scheduled session may end, counted from now. */
export function scheduleHorizon(now: Date, years = SCHEDULE_HORIZON_YEARS): Date {
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() + years);
  return limit;
}

const endAfterStart = (day: DayRange): boolean => Date.parse(day.end) > Date.parse(day.start);
const END_AFTER_START = 'The end must be after the start.';

export const dayRangeInput = z
  .object({ start: instantInput, end: instantInput })
  .refine(endAfterStart, { message: END_AFTER_START, path: ['end'] });

export const daysInput = z
  .array(dayRangeInput)
  .min(1, 'A session has at least one day.')
  .max(5, 'A session has at most 5 days.')
  .superRefine((days, ctx) => {
    days.forEach((day, index) => {
      const previous = days[index - 1];
      if (previous && Date.parse(day.start) < Date.parse(previous.end)) {
        ctx.addIssue({ code: 'custom', path: [index, 'start'], message: 'Days must be in order, each starting after the previous one ends.' });
      }
    });
    const [first, last] = [days[0], days.at(-1)];
    // Zod runs this refinement even when .min(1) has already failed.
    if (!first || !last) return;
    const span = Date.parse(last.end) - Date.parse(first.start);
    if (span > MAX_SESSION_SPAN_DAYS * 24 * 3600_000) {
      ctx.addIssue({ code: 'custom', message: `A session's days must fall within ${MAX_SESSION_SPAN_DAYS} days.` });
    }
  });


const slotFields = {
  days: daysInput.optional(),
  start: instantInput.optional(),
  end: instantInput.optional(),
};

type SlotInput = { days?: DayRange[]; start?: string; end?: string };

/** `days`, or the `start`+`end` shorthand for a one-day session; undefined (with an issue) when wrong. */
function resolveDays(input: SlotInput, ctx: z.RefinementCtx, required: boolean): DayRange[] | undefined {
  const shorthand = input.start !== undefined || input.end !== undefined;
  if (input.days && shorthand) {
    ctx.addIssue({ code: 'custom', path: ['days'], message: 'Give either days or start and end, not both.' });
    return undefined;
  }
  if (input.days) return input.days;
  if (!shorthand) {
    if (required) ctx.addIssue({ code: 'custom', path: ['days'], message: 'Give the days, or a start and an end for one day.' });
    return undefined;
  }
  if (!input.start || !input.end) {
    ctx.addIssue({ code: 'custom', path: [input.start ? 'end' : 'start'], message: 'Give both a start and an end.' });
    return undefined;
  }
  const day = { start: input.start, end: input.end };
  if (!endAfterStart(day)) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: END_AFTER_START });
    return undefined;
  }
  return [day];
}

export const createSessionRequest = z
  .object({
    courseId: z.string({ error: 'Choose a course.' }).min(1, 'Choose a course.'),
    location: locationSchema,
    ...slotFields,
    capacity: capacitySchema.default(MAX_SEATS),
    notes: notesSchema,
    recurrence: recurrenceSchema.optional(),
  })
  .transform((input, ctx) => {
    const days = resolveDays(input, ctx, true);
    if (!days) return z.NEVER;
    const { courseId, location, capacity, notes, recurrence } = input;
    if (recurrence) {
      const series = occurrences(days, recurrence);
      if (series.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['recurrence', 'until'], message: 'The series ends before its first session.' });
      } else if (series.length > MAX_OCCURRENCES) {
        ctx.addIssue({ code: 'custom', path: ['recurrence', 'until'], message: `A series has at most ${MAX_OCCURRENCES} sessions; choose an earlier end.` });
      } else if (selfClashes(series.map((occurrence) => ({ location, days: occurrence })), 0).length) {
        ctx.addIssue({ code: 'custom', path: ['recurrence', 'interval'], message: 'The sessions of this series would overlap each other; choose a longer interval.' });
      }
    }
    return { courseId, location, days, capacity, notes, recurrence };
  });
export type CreateSessionRequest = z.infer<typeof createSessionRequest>;

export const updateSessionRequest = z
  .object({
    location: locationSchema.optional(),
    ...slotFields,
    capacity: capacitySchema.optional(),
    notes: notesText.optional(),
  })
  .transform((input, ctx) => {
    const days = resolveDays(input, ctx, false);
    if (ctx.issues.length) return z.NEVER;
    const { location, capacity, notes } = input;
    return { days, location, capacity, notes };
  });
export type UpdateSessionRequest = z.infer<typeof updateSessionRequest>;

const dailyHoursInOrder = (course: { dailyStart: string; dailyEnd: string }): boolean => course.dailyEnd > course.dailyStart;
const DAILY_HOURS_IN_ORDER = { message: 'The daily end must be after the daily start.', path: ['dailyEnd'] };

export const createCourseRequest = courseFields.refine(dailyHoursInOrder, DAILY_HOURS_IN_ORDER);
export type CreateCourseRequest = z.infer<typeof createCourseRequest>;

/** Any subset of a course's fields; merged into the stored course and checked again as a whole. */
export const updateCourseRequest = z.object({
  code: courseFields.shape.code.optional(),
  title: courseFields.shape.title.optional(),
  description: courseFields.shape.description.unwrap().optional(),
  durationDays: courseFields.shape.durationDays.optional(),
  dailyStart: courseFields.shape.dailyStart.optional(),
  dailyEnd: courseFields.shape.dailyEnd.optional(),
  pricePence: courseFields.shape.pricePence.optional(),
  certificateValidityMonths: courseFields.shape.certificateValidityMonths.optional(),
  active: courseFields.shape.active.unwrap().optional(),
});
export type UpdateCourseRequest = z.infer<typeof updateCourseRequest>;

export const sessionsQuery = z
  .object({
    ...windowQueryFields,
    courseId: z.string().min(1).optional(),
    location: locationSchema.optional(),
    available: z.enum(['true', 'false'], { error: 'available is true or false.' }).optional().transform((value) => value === 'true'),
    ...pageQueryFields,
  })
  .refine(toAfterFrom, TO_AFTER_FROM);
export type SessionsQuery = z.infer<typeof sessionsQuery>;

export const availabilityQuery = z.object({ ...windowQueryFields, ...pageQueryFields }).refine(toAfterFrom, TO_AFTER_FROM);

export const coursesQuery = z.object(pageQueryFields);
