import type { View } from 'react-big-calendar';
import { floatingDay } from '../../../shared/calendar/floating-dates';
import type { SessionFilters } from '../filters/session-filters';

const VIEWS: readonly View[] = ['month', 'week', 'day', 'agenda'];
const DEFAULT_AGENDA_DAYS = 30;
const DAY_MS = 86_400_000;

export const parseView = (value: string | null, narrow: boolean): View =>
  VIEWS.includes(value as View) ? (value as View) : narrow ? 'agenda' : 'month';

/** Where the calendar opens: the date in the link, else the start of the filtered range, else today. */
export const calendarDate = (query: URLSearchParams, filters: SessionFilters, today: string): Date =>
  floatingDay(query.get('date') ?? '') ?? floatingDay(filters.from ?? '') ?? floatingDay(today)!;

/** The agenda covers the filtered date range when there is one. */
export const agendaLength = (filters: SessionFilters): number => {
  const from = floatingDay(filters.from ?? '');
  const to = floatingDay(filters.to ?? '');
  if (!from || !to || to < from) return DEFAULT_AGENDA_DAYS;
  return Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
};
