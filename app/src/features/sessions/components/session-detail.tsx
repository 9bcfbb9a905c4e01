import type { ReactNode } from 'react';
import type { CourseDoc, SessionDoc } from '../../../../../domain/schemas/catalog';
import { formatLondonDate, formatLondonTime, formatPence } from '../../../shared/format';
import { hrefTo } from '../../../shared/router';
import { STATE_SYMBOL, sessionState, sessionStateText } from '../session-state';

interface SessionDetailProps {
  session: SessionDoc;
  course: CourseDoc | undefined;
  seatsLeft: number;
  /** The booking panel, composed in by the shell. */
  children: ReactNode;
}

export function SessionDetail({ session, course, seatsLeft, children }: SessionDetailProps) {
  const state = sessionState(session, seatsLeft, new Date());
  return (
    <article className="session-detail panel" aria-labelledby="session-heading">
      <p>
        <a href={hrefTo('/')}>← All courses</a>
      </p>
      <h1 id="session-heading">{session.courseTitle}</h1>
      {course?.description && <p>{course.description}</p>}
      <dl className="facts">
        <dt>Location</dt>
        <dd>Location {session.location}</dd>
        {course && (
          <>
            <dt>Price</dt>
            <dd>{formatPence(course.pricePence)} per seat</dd>
          </>
        )}
        <dt>Seats</dt>
        <dd className="seats" data-state={state} aria-live="polite">
          <span aria-hidden="true">{STATE_SYMBOL[state]} </span>
          {sessionStateText(state, seatsLeft)}
        </dd>
      </dl>
      <h2>Dates (UK time)</h2>
      <ol className="session-days">
        {session.days.map((day) => (
          <li key={day.start}>
            <time dateTime={day.start}>{formatLondonDate(day.start)}</time>, {formatLondonTime(day.start)}–{formatLondonTime(day.end)}
          </li>
        ))}
      </ol>
      {children}
    </article>
  );
}
