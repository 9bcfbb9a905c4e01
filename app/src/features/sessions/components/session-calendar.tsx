import { memo, useMemo } from 'react';
import type { View } from 'react-big-calendar';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { navigate } from '../../../shared/router';
import { LondonCalendar } from '../../../shared/calendar/london-calendar';
import { toEvents, type SessionEvent } from '../calendar/session-events';
import { sessionsInWindow } from '../../../shared/catalog/time-window';
import { viewWindow } from '../calendar/view-window';
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
const HOURS = [7, 20] as const;

/** Lazy-loaded: react-big-calendar stays out of the bundle the first paint waits for. */
function SessionCalendar({ sessions, seatsLeftOf, view, date, agendaLength, onView, onNavigate }: SessionCalendarProps) {
  const dayStart = date.getTime();
  const events = useMemo(
    () => toEvents(sessionsInWindow(sessions, viewWindow(view, new Date(dayStart), agendaLength)), seatsLeftOf, new Date()),
    [sessions, seatsLeftOf, view, dayStart, agendaLength],
  );
  const controlled = { view, date, length: agendaLength, onView, onNavigate };
  return (
    <LondonCalendar<SessionEvent>
      {...controlled}
      className="session-calendar"
      dataView={view}
      events={events}
      views={VIEWS}
      onOpen={openSession}
      components={components}
      messages={messages}
      hours={HOURS}
      popup
    />
  );
}

export default memo(SessionCalendar);
