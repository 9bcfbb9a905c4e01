import { describe, expect, it } from 'vitest';
import { agendaLength, calendarDate, parseView } from '../../../app/src/features/sessions/calendar/calendar-query';
import { dayKey } from '../../../app/src/shared/calendar/floating-dates';

describe('calendar view and date from the URL', () => {
  it('defaults to the agenda on narrow screens and the month elsewhere', () => {
    expect(parseView(null, true)).toBe('agenda');
    expect(parseView(null, false)).toBe('month');
    expect(parseView('week', true)).toBe('week');
    expect(parseView('year', false)).toBe('month');
  });

  it('opens on the date in the link, else the start of the filtered range, else today', () => {
    expect(dayKey(calendarDate(new URLSearchParams('date=2031-02-03'), { from: '2031-06-01', withSeats: false }, '2030-01-01'))).toBe('2031-02-03');
    expect(dayKey(calendarDate(new URLSearchParams(), { from: '2031-06-01', withSeats: false }, '2030-01-01'))).toBe('2031-06-01');
    expect(dayKey(calendarDate(new URLSearchParams('date=soon'), { withSeats: false }, '2030-01-01'))).toBe('2030-01-01');
  });

  it('lists the whole filtered range in the agenda, across a clock change', () => {
    expect(agendaLength({ from: '2031-03-01', to: '2031-03-31', withSeats: false })).toBe(31);
    expect(agendaLength({ from: '2031-03-31', to: '2031-03-01', withSeats: false })).toBe(30);
    expect(agendaLength({ withSeats: false })).toBe(30);
  });
});
