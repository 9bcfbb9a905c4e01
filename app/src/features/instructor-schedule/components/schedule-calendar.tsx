import 'react-big-calendar/lib/css/react-big-calendar.css';
import '../../../styles/calendar.css';
import { useMemo, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Calendar } from 'react-big-calendar';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { toScheduleEvents, type ScheduleEvent } from '../calendar/schedule-events';
import { useCalendarAria } from '../../../shared/calendar/calendar-aria';
import { londonLocalizer } from '../../../shared/calendar/london-localizer';
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
const EARLIEST = new Date(1970, 0, 1, 7, 0);
const LATEST = new Date(1970, 0, 1, 21, 0);

/** Lazy-loaded, so react-big-calendar stays out of the first-paint bundle. */
export default function ScheduleCalendar({ sessions, date, onNavigate, onSelect }: ScheduleCalendarProps) {
  const events = useMemo(() => toScheduleEvents(sessions), [sessions]);
  const select = (event: ScheduleEvent) => onSelect(event.session._id);
  const selectOnEnter = (event: ScheduleEvent, key: SyntheticEvent<HTMLElement>) => {
    if ((key as KeyboardEvent<HTMLElement>).key === 'Enter') select(event);
  };
  const root = useRef<HTMLDivElement>(null);
  useCalendarAria(root);
  return (
    <div ref={root} className="session-calendar schedule-calendar" data-view="week">
      <Calendar<ScheduleEvent>
        localizer={londonLocalizer}
        culture="en-GB"
        events={events}
        views={['week']}
        defaultView="week"
        date={date}
        onNavigate={onNavigate}
        onSelectEvent={select}
        onKeyPressEvent={selectOnEnter}
        components={components}
        messages={messages}
        min={EARLIEST}
        max={LATEST}
        tooltipAccessor={null}
      />
    </div>
  );
}
