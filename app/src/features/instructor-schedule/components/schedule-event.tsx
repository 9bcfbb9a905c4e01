import type { EventProps } from 'react-big-calendar';
import { seatsText, type ScheduleEvent } from '../calendar/schedule-events';
import { slotText } from '../preview/slot-text';

const describe = (event: ScheduleEvent): string =>
  [
    event.session.courseTitle,
    event.days > 1 ? `day ${event.day} of ${event.days}` : '',
    slotText(event.session.days[event.day - 1]!.start, event.session.days[event.day - 1]!.end),
    `location ${event.session.location}`,
    seatsText(event),
  ]
    .filter(Boolean)
    .join(', ');

/** The calendar's own wrapper is the focusable button, so this is plain text with a full label. */
export function ScheduleEventView({ event }: EventProps<ScheduleEvent>) {
  return (
    <span className="session-event" data-state={event.state} data-session-id={event.session._id} aria-label={describe(event)}>
      <span className="session-event__title">{event.session.courseTitle}</span>{' '}
      <span className="session-event__meta">
        {event.days > 1 && `Day ${event.day}/${event.days} · `}
        {event.session.location} · {seatsText(event)}
      </span>
    </span>
  );
}
