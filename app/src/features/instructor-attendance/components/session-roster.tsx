import { useState } from 'react';
import { attendanceMark } from '../../../../../domain/mark-docs';
import { formatLondonDateTime } from '../../../shared/format';
import type { RosterSession } from '../api/load-roster';
import { removeMarks, saveMark } from '../api/mark';
import { AttendeeRow } from './attendee-row';
import { CertificateActions } from './certificate-actions';

/** One session: a tab per course day, every attendee, and "mark all present" with undo. */
export function SessionRoster({ roster: { session, rows }, markedBy }: { roster: RosterSession; markedBy: string }) {
  const [day, setDay] = useState(0);
  const [undo, setUndo] = useState<{ id: string; rev: string }[] | null>(null);
  const sessionStart = session.days[0]!.start;

  const markAllPresent = async () => {
    const unmarked = rows.filter((row) => !row.days[day]);
    const written = [];
    for (const row of unmarked) {
      written.push(
        await saveMark(
          attendanceMark({ sessionId: session._id, sessionStart, markedBy, now: new Date() }, { bookingId: row.bookingId, attendee: row.attendee, day, status: 'present', notes: '' }),
        ),
      );
    }
    setUndo(written);
  };

  return (
    <section className="session-roster" aria-label={`${session.courseTitle}, ${formatLondonDateTime(sessionStart)}`}>
      <h2>
        {session.courseTitle} <small>{formatLondonDateTime(sessionStart)} · location {session.location}</small>
      </h2>
      <div role="tablist" aria-label="Course day">
        {session.days.map((range, index) => (
          <button key={range.start} type="button" role="tab" aria-selected={index === day} className="button button--quiet" onClick={() => { setDay(index); setUndo(null); }}>
            Day {index + 1}
          </button>
        ))}
      </div>
      <p>
        <button type="button" className="button" onClick={() => void markAllPresent()}>
          Mark all present
        </button>{' '}
        {undo && undo.length > 0 && (
          <button type="button" className="button button--quiet" onClick={() => void removeMarks(undo).then(() => setUndo(null))}>
            Undo ({undo.length})
          </button>
        )}
      </p>
      <ul className="roster-list">
        {rows.map((row) => (
          <AttendeeRow key={`${row.bookingId}:${row.attendee}:${day}`} row={row} sessionId={session._id} sessionStart={sessionStart} day={day} markedBy={markedBy} />
        ))}
      </ul>
      <CertificateActions sessionId={session._id} eligible={rows.filter((row) => row.eligibility.eligible && !row.certificate).length} />
    </section>
  );
}
