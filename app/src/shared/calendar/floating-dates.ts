import { utcToLondon } from '../../../../domain/london-time';

/*
 * react-big-calendar does its date arithmetic on JS Dates in the device's zone, so it is fed
 * "floating" dates whose local fields are the London wall clock: any device then shows London times.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A UTC instant as a floating Date at its London wall-clock time. */
export const floating = (iso: string): Date => {
  const [year, month, day, hour, minute] = utcToLondon(iso).split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return new Date(year, month - 1, day, hour, minute);
};

/** A London calendar date (`YYYY-MM-DD`) as a floating Date at midnight, or undefined. */
export const floatingDay = (key: string | null): Date | undefined => {
  const match = DATE.exec(key ?? '');
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
};

/** The London calendar date (`YYYY-MM-DD`) of a floating Date. */
export const dayKey = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
