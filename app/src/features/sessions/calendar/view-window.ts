import type { View } from 'react-big-calendar';
import type { TimeWindow } from '../../../shared/catalog/time-window';

const DAY_MS = 86_400_000;

/** A floating date's London calendar day as if it were UTC; within an hour of the real instant. */
const dayMs = (date: Date): number => Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());

/**
 * Instants (ms) that surely cover what the calendar can show for `view` at `date`: a month view
 * reaches into the weeks either side, a week view starts on the Monday before, and a day either
 * side absorbs London's offset from UTC.
 */
export const viewWindow = (view: View, date: Date, agendaDays: number): TimeWindow => {
  if (view === 'month') {
    const first = Date.UTC(date.getFullYear(), date.getMonth(), 1);
    const next = Date.UTC(date.getFullYear(), date.getMonth() + 1, 1);
    return { from: first - 8 * DAY_MS, to: next + 8 * DAY_MS };
  }
  const day = dayMs(date);
  if (view === 'agenda') return { from: day - DAY_MS, to: day + (agendaDays + 1) * DAY_MS };
  const reach = view === 'day' ? 1 : 8;
  return { from: day - reach * DAY_MS, to: day + reach * DAY_MS };
};
