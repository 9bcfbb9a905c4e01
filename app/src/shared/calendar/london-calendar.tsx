import { useMemo, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Calendar, type CalendarProps, type Event, type ViewsProps } from 'react-big-calendar';
import { useCalendarAria } from './calendar-aria';
import { LondonAgenda } from './london-agenda';
import { londonLocalizer } from './london-localizer';

type Passed<E extends object> = Omit<CalendarProps<E>, 'localizer' | 'culture' | 'tooltipAccessor' | 'onSelectEvent' | 'onKeyPressEvent' | 'min' | 'max'>;

interface LondonCalendarProps<E extends Event> extends Passed<E> {
  /** The wrapper's classes and its `data-view`, which the tests and styles read. */
  className: string;
  dataView: string;
  /** Opens an event, by click, tap or Enter. */
  onOpen: (event: E) => void;
  /** The first and last hour the time grid shows. */
  hours: readonly [number, number];
}

/** The views asked for, with our agenda in place of react-big-calendar's. */
const withLondonAgenda = <E extends Event>(views: ViewsProps<E> | undefined): ViewsProps<E> | undefined =>
  Array.isArray(views) ? Object.fromEntries(views.map((view) => [view, view === 'agenda' ? LondonAgenda : true])) : views;

/**
 * react-big-calendar set up once for the whole app: London dates and times on any device, UK
 * wording, its table roles repaired for screen readers, Enter opening an event like a click, and
 * an agenda that lists a month of sessions in one quick pass.
 */
export function LondonCalendar<E extends Event>({ className, dataView, onOpen, hours, views, ...calendar }: LondonCalendarProps<E>) {
  const root = useRef<HTMLDivElement>(null);
  const shownViews = useMemo(() => withLondonAgenda(views), [views]);
  useCalendarAria(root);
  const [first, last] = hours;
  const [min, max] = useMemo(() => [new Date(1970, 0, 1, first, 0), new Date(1970, 0, 1, last, 0)], [first, last]);
  const openOnEnter = (event: E, key: SyntheticEvent<HTMLElement>) => {
    if ((key as KeyboardEvent<HTMLElement>).key === 'Enter') onOpen(event);
  };
  return (
    <div ref={root} className={className} data-view={dataView}>
      <Calendar<E>
        localizer={londonLocalizer}
        culture="en-GB"
        onSelectEvent={onOpen}
        onKeyPressEvent={openOnEnter}
        min={min}
        max={max}
        tooltipAccessor={null}
        views={shownViews}
        {...calendar}
      />
    </div>
  );
}
