import { DateLocalizer, type DateRange, type Formats } from 'react-big-calendar';

/*
 * Formats the calendar's floating dates (see floating-dates.ts) in the device zone, which shows
 * their London wall-clock fields on any device. Intl does the formatting: no date library.
 */
const formatter = (options: Intl.DateTimeFormatOptions) => {
  const format = new Intl.DateTimeFormat('en-GB', { hourCycle: 'h23', ...options });
  return {
    one: (date: Date): string => format.format(date),
    range: ({ start, end }: DateRange): string => format.formatRange(start, end),
  };
};

const time = formatter({ hour: '2-digit', minute: '2-digit' });
// What formatRange gives for two times of one day in en-GB, at a fraction of its cost: the agenda and
// the time grid format one range per session, and formatRange was half of the agenda's first render.
const timeRange = ({ start, end }: DateRange): string => `${time.one(start)}–${time.one(end)}`;
const dayNumber = formatter({ day: '2-digit' });
const weekday = formatter({ weekday: 'short' });
const weekdayAndDay = formatter({ weekday: 'short', day: 'numeric' });
const monthYear = formatter({ month: 'long', year: 'numeric' });
const fullDay = formatter({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const shortDay = formatter({ weekday: 'short', day: 'numeric', month: 'short' });
const dayMonthYear = formatter({ day: 'numeric', month: 'short', year: 'numeric' });

const formats: Formats = {
  dateFormat: dayNumber.one,
  dayFormat: weekdayAndDay.one,
  weekdayFormat: weekday.one,
  timeGutterFormat: time.one,
  monthHeaderFormat: monthYear.one,
  dayHeaderFormat: fullDay.one,
  dayRangeHeaderFormat: dayMonthYear.range,
  agendaHeaderFormat: dayMonthYear.range,
  agendaDateFormat: shortDay.one,
  agendaTimeFormat: time.one,
  agendaTimeRangeFormat: timeRange,
  eventTimeRangeFormat: timeRange,
  eventTimeRangeStartFormat: ({ start }) => `${time.one(start)} –`,
  eventTimeRangeEndFormat: ({ end }) => `– ${time.one(end)}`,
  selectRangeFormat: timeRange,
};

const MONDAY = 1;

export const londonLocalizer = new DateLocalizer({
  formats,
  firstOfWeek: () => MONDAY,
  format: (value) => (value instanceof Date || typeof value !== 'object' ? fullDay.one(new Date(value)) : fullDay.range(value)),
});
