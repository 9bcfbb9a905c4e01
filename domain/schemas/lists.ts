import { z } from 'zod';
import { addLondonDays, londonDate, londonToUtc } from '../london-time';
import { boundaryInput } from './instants';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;
/** A dated list covers this many days when its query names no end, or this many days from the one end it names. */
export const DEFAULT_WINDOW_DAYS = 90;

const LIMIT_HELP = `Give a whole number from 1 to ${MAX_PAGE_SIZE}.`;

/** `limit` and `cursor`, the query fields of every list. */
export const pageQueryFields = {
  limit: z.coerce.number({ error: LIMIT_HELP }).int(LIMIT_HELP).min(1, LIMIT_HELP).max(MAX_PAGE_SIZE, LIMIT_HELP).default(DEFAULT_PAGE_SIZE),
  cursor: z.string({ error: 'Give the cursor exactly as the previous page named it in next.' }).min(1).max(4000).optional(),
};

/** What every list answers besides its items: the cursor of the next page, null on the last one. */
export const pageFields = { next: z.string().nullable() };

/** `from` and `to`: London dates (their midnight) or date-times, as UTC instants. */
export const windowQueryFields = { from: boundaryInput.optional(), to: boundaryInput.optional() };

export const TO_AFTER_FROM = { message: 'to must be after from.', path: ['to'] };
export const toAfterFrom = (query: { from?: string; to?: string }): boolean =>
  !query.from || !query.to || Date.parse(query.to) > Date.parse(query.from);

export interface Window {
  from: string;
  to: string;
}

/** The window a query asks for: the ends it leaves out are today's London midnight and DEFAULT_WINDOW_DAYS away. */
export function resolveWindow(query: { from?: string; to?: string }, now: Date): Window {
  if (query.from && query.to) return { from: query.from, to: query.to };
  if (query.to) return { from: addLondonDays(query.to, -DEFAULT_WINDOW_DAYS), to: query.to };
  const from = query.from ?? londonToUtc(`${londonDate(now.toISOString())}T00:00`);
  return { from, to: addLondonDays(from, DEFAULT_WINDOW_DAYS) };
}
