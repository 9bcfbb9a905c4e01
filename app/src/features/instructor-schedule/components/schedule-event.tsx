import type { EventProps } from 'react-big-calendar';
import { seatsText, type ScheduleEvent } from '../calendar/schedule-events';
import { slotText } from '../preview/slot-text';

/**
 * The calendar's own wrapper is the focusable button; its name is this text (no aria-label, so the
 * visible words are always in it), with the day and hours the grid shows by position added for a
 * screen reader.
 */
export function ScheduleEventView({ event }: EventProps<ScheduleEvent>) {
  const day = event.session.days[event.day - 1]!;
  return (
    <span className="session-event" data-state={event.state} data-session-id={event.session._id}>
      <span className="session-event__title">{event.session.courseTitle}</span>{' '}
      <span className="session-event__meta">
        {event.days > 1 && `Day ${event.day}/${event.days} · `}
        Location {event.session.location} · {seatsText(event)}
      </span>
      <span className="visually-hidden">, {slotText(day.start, day.end)}</span>
    </span>
  );
}
