import 'react-big-calendar/lib/css/react-big-calendar.css';
import '../../../styles/calendar.css';
import { memo, useMemo, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Calendar, type View } from 'react-big-calendar';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { navigate } from '../../../shared/router';
import { useCalendarAria } from '../../../shared/calendar/calendar-aria';
import { londonLocalizer } from '../../../shared/calendar/london-localizer';
import { toEvents, type SessionEvent } from '../calendar/session-events';
import { sessionsInWindow, viewWindow } from '../calendar/view-window';
import { LinkedSessionEvent, PlainSessionEvent } from './calendar-event';

export interface SessionCalendarProps {
  sessions: readonly SessionDoc[];
  seatsLeftOf: (session: SessionDoc) => number;
  view: View;
  date: Date;
  /** Days the agenda lists from `date`. */
  agendaLength: number;
  onView: (view: View) => void;
  onNavigate: (date: Date) => void;
}

const VIEWS: View[] = ['month', 'week', 'day', 'agenda'];
const components = {
  month: { event: LinkedSessionEvent },
  agenda: { event: LinkedSessionEvent },
  week: { event: PlainSessionEvent },
  day: { event: PlainSessionEvent },
};
const messages = { noEventsInRange: 'No sessions match in these dates.', showMore: (count: number) => `+${count} more sessions` };
const openSession = (event: SessionEvent) => navigate(`/sessions/${event.session._id}`);
const openOnEnter = (event: SessionEvent, key: SyntheticEvent<HTMLElement>) => {
  if ((key as KeyboardEvent<HTMLElement>).key === 'Enter') openSession(event);
};
const EARLIEST = new Date(1970, 0, 1, 7, 0);
const LATEST = new Date(1970, 0, 1, 20, 0);

/** Lazy-loaded: react-big-calendar stays out of the bundle the first paint waits for. */
function SessionCalendar({ sessions, seatsLeftOf, view, date, agendaLength, onView, onNavigate }: SessionCalendarProps) {
  const dayStart = date.getTime();
  const events = useMemo(
    () => toEvents(sessionsInWindow(sessions, viewWindow(view, new Date(dayStart), agendaLength)), seatsLeftOf, new Date()),
    [sessions, seatsLeftOf, view, dayStart, agendaLength],
  );
  const root = useRef<HTMLDivElement>(null);
  useCalendarAria(root);
  return (
    <div ref={root} className="session-calendar" data-view={view}>
      <Calendar<SessionEvent>
        localizer={londonLocalizer}
        culture="en-GB"
        events={events}
        views={VIEWS}
        view={view}
        date={date}
        length={agendaLength}
        onView={onView}
        onNavigate={onNavigate}
        onSelectEvent={openSession}
        onKeyPressEvent={openOnEnter}
        components={components}
        messages={messages}
        min={EARLIEST}
        max={LATEST}
        popup
        tooltipAccessor={null}
      />
    </div>
  );
}

export default memo(SessionCalendar);
