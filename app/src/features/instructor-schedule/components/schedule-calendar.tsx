import { useMemo } from 'react';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { LondonCalendar } from '../../../shared/calendar/london-calendar';
import { toScheduleEvents, type ScheduleEvent } from '../calendar/schedule-events';
import { ScheduleEventView } from './schedule-event';

export interface ScheduleCalendarProps {
  sessions: readonly SessionDoc[];
  /** A floating date in the week to show. */
  date: Date;
  onNavigate: (date: Date) => void;
  onSelect: (sessionId: string) => void;
}

const components = { event: ScheduleEventView };
const messages = { previous: 'Previous week', next: 'Next week', today: 'This week' };
const HOURS = [7, 21] as const;

/** Lazy-loaded, so react-big-calendar stays out of the first-paint bundle. */
export default function ScheduleCalendar({ sessions, date, onNavigate, onSelect }: ScheduleCalendarProps) {
  const events = useMemo(() => toScheduleEvents(sessions), [sessions]);
  return (
    <LondonCalendar<ScheduleEvent>
      className="session-calendar schedule-calendar"
      dataView="week"
      events={events}
      views={['week']}
      defaultView="week"
      date={date}
      onNavigate={onNavigate}
      onOpen={(event) => onSelect(event.session._id)}
      components={components}
      messages={messages}
      hours={HOURS}
    />
  );
}
