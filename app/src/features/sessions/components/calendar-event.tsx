import type { EventProps } from 'react-big-calendar';
import { formatLondonDateTime } from '../../../shared/format';
import { hrefTo } from '../../../shared/router';
import type { SessionEvent } from '../calendar/session-events';
import { STATE_SYMBOL, sessionStateText } from '../session-state';

const describe = ({ session, day, days, seatsLeft, state }: SessionEvent): string =>
  [
    session.courseTitle,
    days > 1 ? `day ${day} of ${days}` : '',
    formatLondonDateTime(session.days[day - 1]!.start),
    `location ${session.location}`,
    sessionStateText(state, seatsLeft),
  ]
    .filter(Boolean)
    .join(', ');

function EventText({ event }: { event: SessionEvent }) {
  return (
    <>
      <span aria-hidden="true" className="session-event__symbol">
        {STATE_SYMBOL[event.state]}
      </span>{' '}
      <span className="session-event__title">{event.session.courseTitle}</span>{' '}
      <span className="session-event__meta">
        {event.days > 1 && `Day ${event.day}/${event.days} · `}
        {event.session.location} · {sessionStateText(event.state, event.seatsLeft)}
      </span>
    </>
  );
}

/** Month and agenda: a real link, so each session is one Tab stop announced with its seats left. */
export function LinkedSessionEvent({ event }: EventProps<SessionEvent>) {
  return (
    <a className="session-event" data-state={event.state} data-session-id={event.session._id} href={hrefTo(`/sessions/${event.session._id}`)} aria-label={describe(event)}>
      <EventText event={event} />
    </a>
  );
}

/** Week and day: the calendar's own wrapper is already a focusable button, so no nested link. */
export function PlainSessionEvent({ event }: EventProps<SessionEvent>) {
  return (
    <span className="session-event" data-state={event.state} data-session-id={event.session._id} aria-label={describe(event)}>
      <EventText event={event} />
    </span>
  );
}
