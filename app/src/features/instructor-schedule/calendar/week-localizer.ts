import { DateLocalizer, type DateRange, type Formats } from 'react-big-calendar';

/** Intl formats for floating dates (see floating.ts): only what the week view shows, no date library. */
const formatter = (options: Intl.DateTimeFormatOptions) => {
  const format = new Intl.DateTimeFormat('en-GB', { hourCycle: 'h23', ...options });
  return { one: (date: Date): string => format.format(date), range: ({ start, end }: DateRange): string => format.formatRange(start, end) };
};

const time = formatter({ hour: '2-digit', minute: '2-digit' });
const weekdayAndDay = formatter({ weekday: 'short', day: 'numeric' });
const fullDay = formatter({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const dayMonthYear = formatter({ day: 'numeric', month: 'short', year: 'numeric' });

const formats: Formats = {
  dayFormat: weekdayAndDay.one,
  timeGutterFormat: time.one,
  dayRangeHeaderFormat: dayMonthYear.range,
  eventTimeRangeFormat: time.range,
  eventTimeRangeStartFormat: ({ start }) => `${time.one(start)} –`,
  eventTimeRangeEndFormat: ({ end }) => `– ${time.one(end)}`,
  selectRangeFormat: time.range,
};

const MONDAY = 1;

export const weekLocalizer = new DateLocalizer({
  formats,
  firstOfWeek: () => MONDAY,
  format: (value) => (value instanceof Date || typeof value !== 'object' ? fullDay.one(new Date(value)) : fullDay.range(value)),
});
