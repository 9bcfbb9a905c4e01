import { LONDON_TIME_ZONE } from '../../../domain/london-time';

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

export const formatPence = (pence: number): string => pounds.format(pence / 100);

/** "1 seat", "3 seats". */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/* Display formats in London time, whatever the device's own zone; the wall-clock math is domain/london-time. */
const london = (options: Intl.DateTimeFormatOptions) => {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON_TIME_ZONE, hourCycle: 'h23', ...options });
  return (iso: string): string => format.format(new Date(iso));
};

/** "Mon 30 Mar 2026, 09:30". */
export const formatLondonDateTime = london({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Monday 30 March 2026". */
export const formatLondonDate = london({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "09:30". */
export const formatLondonTime = london({ hour: '2-digit', minute: '2-digit' });
