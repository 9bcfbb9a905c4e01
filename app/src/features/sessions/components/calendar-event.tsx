import type { EventProps } from 'react-big-calendar';
import { formatLondonDateTime } from '../../../shared/format';
import { hrefTo } from '../../../shared/router';
import type { SessionEvent } from '../calendar/session-events';
import { STATE_SYMBOL, sessionStateText } from '../session-state';

/**
 * What a sighted user reads, then (for a screen reader) the day and time the grid shows by position.
 * No aria-label: the accessible name is this text, so it always contains the visible words
 * (WCAG 2.5.3, label in name) and voice control users can say what they see.
 */
function EventText({ event }: { event: SessionEvent }) {
  return (
    <>
      <span aria-hidden="true" className="session-event__symbol">
        {STATE_SYMBOL[event.state]}
      </span>{' '}
      <span className="session-event__title">{event.session.courseTitle}</span>{' '}
      <span className="session-event__meta">
        {event.days > 1 && `Day ${event.day}/${event.days} · `}
        Location {event.session.location} · {sessionStateText(event.state, event.seatsLeft)}
      </span>
      <span className="visually-hidden">, {formatLondonDateTime(event.session.days[event.day - 1]!.start)}</span>
    </>
  );
}

/** Month and agenda: a real link, so each session is one Tab stop announced with its seats left. */
export function LinkedSessionEvent({ event }: EventProps<SessionEvent>) {
  return (
    <a className="session-event" data-state={event.state} data-session-id={event.session._id} href={hrefTo(`/sessions/${event.session._id}`)}>
      <EventText event={event} />
    </a>
  );
}

/** Week and day: the calendar's own wrapper is already a focusable button, so no nested link. */
export function PlainSessionEvent({ event }: EventProps<SessionEvent>) {
  return (
    <span className="session-event" data-state={event.state} data-session-id={event.session._id}>
      <EventText event={event} />
    </span>
  );
}
