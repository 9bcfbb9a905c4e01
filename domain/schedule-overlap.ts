import type { DayRange, Location } from './schemas/catalog';

/**
 * The one overlap rule. One instructor teaches every session, so no two scheduled sessions may
 * overlap at any location. Between different locations the instructor needs the travel buffer;
 * at the same venue back-to-back is fine (one ending at 12:00 and the next starting at 12:00).
 * Every day of a multi-day session is compared with every day of the other.
 */
export const DEFAULT_TRAVEL_BUFFER_MINUTES = 60;

export interface Slot {
  location: Location;
  days: readonly DayRange[];
}

interface MsRange {
  start: number;
  end: number;
}

const toMs = (days: readonly DayRange[]): MsRange[] => days.map((day) => ({ start: Date.parse(day.start), end: Date.parse(day.end) }));

function rangesClash(a: readonly MsRange[], b: readonly MsRange[], gapMs: number): boolean {
  return a.some((x) => b.some((y) => x.start < y.end + gapMs && y.start < x.end + gapMs));
}

const gapBetween = (a: Location, b: Location, travelBufferMinutes: number): number => (a === b ? 0 : travelBufferMinutes * 60_000);

export const slotsClash = (a: Slot, b: Slot, travelBufferMinutes: number): boolean =>
  rangesClash(toMs(a.days), toMs(b.days), gapBetween(a.location, b.location, travelBufferMinutes));

export interface OccurrenceClash<S extends Slot> {
  /** 1-based position of the candidate in the list checked (the occurrence number of a series). */
  occurrence: number;
  days: readonly DayRange[];
  clashes: S[];
}

/** Every candidate that clashes with a scheduled slot, and what it clashes with. */
export function findClashes<S extends Slot>(candidates: readonly Slot[], scheduled: readonly S[], travelBufferMinutes: number): OccurrenceClash<S>[] {
  const existing = scheduled.map((slot) => ({ slot, ranges: toMs(slot.days) }));
  return candidates.flatMap((candidate, index) => {
    const ranges = toMs(candidate.days);
    const clashes = existing
      .filter((other) => rangesClash(ranges, other.ranges, gapBetween(candidate.location, other.slot.location, travelBufferMinutes)))
      .map((other) => other.slot);
    return clashes.length ? [{ occurrence: index + 1, days: candidate.days, clashes }] : [];
  });
}

/** The 1-based numbers of candidates that clash with an earlier candidate in the same list. */
export function selfClashes(candidates: readonly Slot[], travelBufferMinutes: number): number[] {
  return candidates.flatMap((candidate, index) =>
    candidates.slice(0, index).some((earlier) => slotsClash(candidate, earlier, travelBufferMinutes)) ? [index + 1] : [],
  );
}
