import { londonDate } from '../../../../../domain/london-time';
import { formatLondonDateTime, formatLondonTime } from '../../../shared/format';

/** "Mon 12 Mar 2085, 09:00–16:30", or both dates when the slot spans days. London time. */
export const slotText = (start: string, end: string): string =>
  `${formatLondonDateTime(start)}–${londonDate(start) === londonDate(end) ? formatLondonTime(end) : formatLondonDateTime(end)}`;
