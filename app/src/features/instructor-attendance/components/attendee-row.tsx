import { useState } from 'react';
import type { RosterRow } from '../../../../../domain/attendance-roster';
import { describeReason } from '../../../../../domain/certificates';
import { ATTENDANCE_STATUSES, type AssessmentResult, type AttendanceStatus } from '../../../../../domain/schemas/attendance';
import { assessmentMark, attendanceMark } from '../../../../../domain/mark-docs';
import { saveMark } from '../api/mark';

const LABELS: Record<AttendanceStatus, string> = { present: 'Present', late: 'Late', absent: 'Absent', 'left-early': 'Left early' };

interface Props {
  row: RosterRow;
  sessionId: string;
  sessionStart: string;
  day: number;
  markedBy: string;
}

/** One attendee on one day: one tap per status, notes saved when the field loses focus. */
export function AttendeeRow({ row, sessionId, sessionStart, day, markedBy }: Props) {
  const mark = row.days[day];
  const [notes, setNotes] = useState(mark?.notes ?? '');
  const who = { bookingId: row.bookingId, attendee: row.attendee };
  const context = () => ({ sessionId, sessionStart, markedBy, now: new Date() });

  const setStatus = (status: AttendanceStatus, nextNotes = mark?.notes ?? '') => {
    if (mark?.status === status && mark.notes === nextNotes) return;
    void saveMark(attendanceMark(context(), { ...who, day, status, notes: nextNotes }));
  };
  const setResult = (result: AssessmentResult, marks: number | undefined) => {
    void saveMark(assessmentMark(context(), { ...who, result, marks, notes: row.assessment?.notes ?? '' }));
  };

  return (
    <li className="roster-row" aria-label={row.name}>
      <div className="roster-row__who">
        <strong>{row.name}</strong>
        <small>{row.contact.name}</small>
      </div>
      <div className="roster-row__marks" role="group" aria-label={`Attendance of ${row.name}`}>
        {ATTENDANCE_STATUSES.map((status) => (
          <button key={status} type="button" className="button button--quiet" aria-pressed={mark?.status === status} onClick={() => setStatus(status)}>
            {LABELS[status]}
          </button>
        ))}
      </div>
      <input
        aria-label={`Notes for ${row.name}`}
        value={notes}
        disabled={!mark}
        onChange={(event) => setNotes(event.target.value)}
        onBlur={() => mark && setStatus(mark.status, notes.trim())}
      />
      <div className="roster-row__assessment" role="group" aria-label={`Assessment of ${row.name}`}>
        {(['pass', 'fail'] as const).map((result) => (
          <button key={result} type="button" className="button button--quiet" aria-pressed={row.assessment?.result === result} onClick={() => setResult(result, row.assessment?.marks)}>
            {result === 'pass' ? 'Pass' : 'Fail'}
          </button>
        ))}
        <input
          aria-label={`Marks for ${row.name}`}
          type="number"
          min={0}
          max={1000}
          disabled={!row.assessment}
          defaultValue={row.assessment?.marks}
          onBlur={(event) => row.assessment && event.target.value !== '' && setResult(row.assessment.result, Number(event.target.value))}
        />
      </div>
      <small className="roster-row__certificate">
        {row.certificate
          ? `Certificate ${row.certificate.number}, expires ${row.certificate.expiresOn}`
          : row.eligibility.eligible
            ? 'Eligible for a certificate'
            : `Not eligible: ${row.eligibility.reasons.map(describeReason).join(', ')}`}
      </small>
    </li>
  );
}
