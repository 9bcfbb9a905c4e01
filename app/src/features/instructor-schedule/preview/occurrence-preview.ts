import { occurrences } from '../../../../../domain/recurrence';
import { findClashes } from '../../../../../domain/schedule-overlap';
import type { DayRange, Location, SessionDoc } from '../../../../../domain/schemas/catalog';
import type { Recurrence } from '../../../../../domain/schemas/recurrence';

/** A scheduled session that a proposed occurrence would clash with, in the shape the server's 409 lists. */
export interface PreviewClash {
  sessionId: string;
  courseTitle: string;
  location: Location;
  start: string;
  end: string;
}

export interface PreviewOccurrence {
  /** 1-based, as the server numbers the occurrences of a series. */
  occurrence: number;
  days: readonly DayRange[];
  clashes: PreviewClash[];
}

export interface ProposedSlot {
  location: Location;
  days: readonly DayRange[];
  recurrence?: Recurrence;
}

const clashOf = (session: SessionDoc): PreviewClash => ({
  sessionId: session._id,
  courseTitle: session.courseTitle,
  location: session.location,
  start: session.days[0]!.start,
  end: session.days.at(-1)!.end,
});

/**
 * The occurrences a save would create, each with the device's scheduled sessions it clashes with
 * (the one overlap rule, against the replicated catalog). `ignore` leaves out the session being
 * edited. The server decides for real: its copy may know sessions this device has not seen yet.
 */
export function previewOccurrences(
  proposed: ProposedSlot,
  sessions: readonly SessionDoc[],
  { travelBufferMinutes, ignore }: { travelBufferMinutes: number; ignore?: string },
): PreviewOccurrence[] {
  const series = occurrences(proposed.days, proposed.recurrence);
  const scheduled = sessions.filter((session) => session.status === 'scheduled' && session._id !== ignore);
  const clashes = findClashes(
    series.map((days) => ({ location: proposed.location, days })),
    scheduled,
    travelBufferMinutes,
  );
  const byOccurrence = new Map(clashes.map((clash) => [clash.occurrence, clash.clashes.map(clashOf)]));
  return series.map((days, index) => ({ occurrence: index + 1, days, clashes: byOccurrence.get(index + 1) ?? [] }));
}
