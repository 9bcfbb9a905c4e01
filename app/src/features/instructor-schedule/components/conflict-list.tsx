import type { ScheduleConflict } from '../api/schedule-conflicts';
import { slotText } from '../preview/slot-text';

/** The clashes the server found when it refused (409 schedule_conflict), one line per clashing occurrence. */
export function ConflictList({ conflicts }: { conflicts: readonly ScheduleConflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <ul className="conflict-list" aria-label="Clashes found by the server">
      {conflicts.map((conflict) => (
        <li key={`${conflict.occurrence}-${conflict.sessionId}`}>
          Occurrence {conflict.occurrence} ({slotText(conflict.occurrenceStart, conflict.occurrenceEnd)}) clashes with {conflict.courseTitle} at location{' '}
          {conflict.location}, {slotText(conflict.start, conflict.end)}
        </li>
      ))}
    </ul>
  );
}
