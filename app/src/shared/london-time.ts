/** The business runs on Europe/London time, whatever the device's own zone is. */
export const BUSINESS_TIME_ZONE = 'Europe/London';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: BUSINESS_TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Mon 30 Mar 2026, 09:30" for a UTC ISO instant, in London local time. */
export const formatLondonDateTime = (iso: string): string => dateTime.format(new Date(iso));
