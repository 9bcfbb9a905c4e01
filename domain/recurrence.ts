import { addDaysToDate, addLondonDays, londonDate, londonToUtc } from './london-time';
import type { CourseFields, DayRange } from './schemas/catalog';
import { MAX_OCCURRENCES, type Recurrence } from './schemas/recurrence';

const stepDays = (recurrence: Recurrence): number => recurrence.interval * (recurrence.frequency === 'weekly' ? 7 : 1);

/**
 * The occurrences of a series, each a copy of `days` moved by whole days in London local time, so a
 * weekly 09:30 session stays at 09:30 across the clock changes. `until` is a London date: an
 * occurrence is in the series when its first day falls on or before it. Stops one past the limit
 * so that callers can tell a series that is too long.
 */
export function occurrences(days: readonly DayRange[], recurrence?: Recurrence): DayRange[][] {
  if (!recurrence) return [[...days]];
  const result: DayRange[][] = [];
  const step = stepDays(recurrence);
  const wanted = Math.min(recurrence.count ?? Infinity, MAX_OCCURRENCES + 1);
  for (let k = 0; result.length < wanted; k++) {
    const moved = days.map((day) => ({ start: addLondonDays(day.start, k * step), end: addLondonDays(day.end, k * step) }));
    if (recurrence.until && londonDate(moved[0]!.start) > recurrence.until) break;
    result.push(moved);
  }
  return result;
}

/** The days of a course starting on a London date: consecutive days at the course's daily hours. */
export function courseDays(course: Pick<CourseFields, 'durationDays' | 'dailyStart' | 'dailyEnd'>, firstDate: string): DayRange[] {
  return Array.from({ length: course.durationDays }, (_, index) => {
    const date = addDaysToDate(firstDate, index);
    return { start: londonToUtc(`${date}T${course.dailyStart}`), end: londonToUtc(`${date}T${course.dailyEnd}`) };
  });
}
