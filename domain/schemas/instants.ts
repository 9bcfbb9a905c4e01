import { z } from 'zod';
import { isLondonDate, isLondonLocalDateTime, londonDate, londonToUtc } from '../london-time';
import { isoInstant } from './catalog';

const INSTANT_HELP = 'Use a date-time like 2027-03-22T09:30 (London time) or an ISO instant with an offset.';

const minuteInstant = z.iso.datetime({ offset: true, precision: -1 });

/** Input without an offset is London wall-clock time; the output is always a UTC ISO instant. */
function toInstant(value: string): string | null {
  if (isLondonLocalDateTime(value)) return londonToUtc(value);
  if (isoInstant.safeParse(value).success || minuteInstant.safeParse(value).success) return new Date(value).toISOString();
  return null;
}

export const instantInput = z.string({ error: INSTANT_HELP }).transform((value, ctx) => {
  const instant = toInstant(value);
  if (instant) return instant;
  ctx.addIssue({ code: 'custom', message: INSTANT_HELP });
  return z.NEVER;
});

/** A query boundary: a London date (its midnight) or a date-time. */
export const boundaryInput = z.string().transform((value, ctx) => {
  const instant = isLondonDate(value) ? londonToUtc(`${value}T00:00`) : toInstant(value);
  if (instant) return instant;
  ctx.addIssue({ code: 'custom', message: `Use a date like 2027-03-22 or a date-time. ${INSTANT_HELP}` });
  return z.NEVER;
});

/** A London calendar date; a date-time is taken as its London date. */
export const londonDateInput = z.string().transform((value, ctx) => {
  if (isLondonDate(value)) return value;
  const instant = toInstant(value);
  if (instant) return londonDate(instant);
  ctx.addIssue({ code: 'custom', message: 'Use a date like 2027-06-30.' });
  return z.NEVER;
});
