import type { ComponentType } from 'react';
import { Navigate, type DateLocalizer, type NavigateAction } from 'react-big-calendar';
import { dayKey } from './floating-dates';

/** Days the agenda lists after its first, as react-big-calendar's own agenda. */
const DEFAULT_LENGTH = 30;

interface Accessors<E> {
  start: (event: E) => Date;
  end: (event: E) => Date;
  title: (event: E) => string;
}

/** What react-big-calendar hands a view: its localizer is merged with the calendar's formats and messages. */
interface AgendaProps<E> {
  events: E[];
  date: Date;
  length?: number;
  accessors: Accessors<E>;
  localizer: DateLocalizer & { messages: Record<string, string> };
  components: { event?: ComponentType<{ event: E; title: string }> };
}

/** The merged localizer formats a range by format name; react-big-calendar's types know only single dates. */
const timeRange = (localizer: DateLocalizer, start: Date, end: Date): string => localizer.format({ start, end } as never, 'agendaTimeRangeFormat');

interface AgendaDay<E> {
  key: string;
  label: string;
  events: E[];
}

interface RangeOptions {
  length?: number;
  localizer: DateLocalizer;
}

/**
 * The agenda view, in place of react-big-calendar's: the same table and class names, built in one
 * pass over the events grouped by day. Its own tested every event against every day of the range
 * (30 days by 90 sessions, with date arithmetic each time), which made the phone's first screen one
 * long task. Events never span midnight here: a session has one event per course day.
 */
export function LondonAgenda<E>({ events, date, length = DEFAULT_LENGTH, accessors, localizer, components }: AgendaProps<E>) {
  const first = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  // The first day and `length` more, as react-big-calendar's agenda lists them.
  const after = new Date(first.getFullYear(), first.getMonth(), first.getDate() + length + 1);
  const shown = events.filter((event) => accessors.start(event) < after && accessors.end(event) > first);
  shown.sort((a, b) => accessors.start(a).getTime() - accessors.start(b).getTime());
  const days: AgendaDay<E>[] = [];
  for (const event of shown) {
    const start = accessors.start(event);
    const key = dayKey(start);
    if (days.at(-1)?.key !== key) days.push({ key, label: localizer.format(start, 'agendaDateFormat'), events: [] });
    days.at(-1)!.events.push(event);
  }

  const { messages } = localizer;
  const Event = components.event;
  if (days.length === 0) {
    return (
      <div className="rbc-agenda-view">
        <span className="rbc-agenda-empty">{messages.noEventsInRange}</span>
      </div>
    );
  }
  return (
    <div className="rbc-agenda-view">
      <table className="rbc-agenda-table">
        <thead>
          <tr>
            <th className="rbc-header">{messages.date}</th>
            <th className="rbc-header">{messages.time}</th>
            <th className="rbc-header">{messages.event}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) =>
            day.events.map((event, index) => {
              const title = accessors.title(event);
              return (
                <tr key={`${day.key}_${index}`}>
                  {index === 0 && (
                    <td rowSpan={day.events.length} className="rbc-agenda-date-cell">
                      {day.label}
                    </td>
                  )}
                  <td className="rbc-agenda-time-cell">{timeRange(localizer, accessors.start(event), accessors.end(event))}</td>
                  <td className="rbc-agenda-event-cell">{Event ? <Event event={event} title={title} /> : title}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}

LondonAgenda.range = (start: Date, { length = DEFAULT_LENGTH, localizer }: RangeOptions) => ({ start, end: localizer.add(start, length, 'day') });

LondonAgenda.navigate = (date: Date, action: NavigateAction, { length = DEFAULT_LENGTH, localizer }: RangeOptions): Date => {
  if (action === Navigate.PREVIOUS) return localizer.add(date, -length, 'day');
  if (action === Navigate.NEXT) return localizer.add(date, length, 'day');
  return date;
};

LondonAgenda.title = (start: Date, { length = DEFAULT_LENGTH, localizer }: RangeOptions): string =>
  localizer.format({ start, end: localizer.add(start, length, 'day') } as never, 'agendaHeaderFormat');
