/**
 * Europe/London wall-clock time, with Intl only so that the browser and the server share it.
 *
 * Local times that do not exist or exist twice follow Temporal's `compatible` disambiguation (and
 * RFC 5545): a time in the spring-forward gap moves forward by the gap (01:30 on 2027-03-28 becomes
 * 02:30 BST), and a time in the autumn overlap takes the earlier instant (01:30 BST, not GMT).
 */
export const LONDON_TIME_ZONE = 'Europe/London';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(ms: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const wallClockAsUtcMs = (w: WallClock): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** London's offset from UTC at an instant, in milliseconds (0 in GMT, 3 600 000 in BST). */
const offsetAt = (ms: number): number => wallClockAsUtcMs(wallClockAt(ms)) - Math.floor(ms / 1000) * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function parseLocal(local: string): WallClock | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return real && hour < 24 && minute < 60 && second < 60 ? { year, month, day, hour, minute, second } : null;
}

export const isLondonLocalDateTime = (value: string): boolean => parseLocal(value) !== null;

export function isLondonDate(value: string): boolean {
  return LOCAL_DATE.test(value) && parseLocal(`${value}T00:00`) !== null;
}

/** `2027-03-22T09:30` (London wall clock, no offset) → the UTC instant as an ISO string. */
export function londonToUtc(local: string): string {
  const wall = parseLocal(local);
  if (!wall) throw new RangeError(`Not a London local date-time: ${local}`);
  const asUtc = wallClockAsUtcMs(wall);
  const before = offsetAt(asUtc - DAY_MS);
  const after = offsetAt(asUtc + DAY_MS);
  const valid = [...new Set([before, after])].map((offset) => asUtc - offset).filter((ms) => offsetAt(ms) === asUtc - ms);
  const instant = valid.length ? Math.min(...valid) : asUtc - before;
  return new Date(instant).toISOString();
}

/** A UTC instant → London wall clock as `YYYY-MM-DDTHH:mm`. */
export function utcToLondon(iso: string): string {
  const w = wallClockAt(Date.parse(iso));
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The London calendar date (`YYYY-MM-DD`) of an instant. */
export const londonDate = (iso: string): string => utcToLondon(iso).slice(0, 10);

/** Moves an instant by whole days in London local time: 09:30 stays 09:30 across clock changes. */
export function addLondonDays(iso: string, days: number): string {
  const w = wallClockAt(Date.parse(iso));
  const shifted = new Date(Date.UTC(w.year, w.month - 1, w.day + days, w.hour, w.minute, w.second));
  const local = `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  return londonToUtc(local);
}

/** Adds days to a London calendar date (`YYYY-MM-DD`). */
export function addDaysToDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Day of the week of a London calendar date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
