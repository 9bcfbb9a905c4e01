import { describe, expect, it } from 'vitest';
import type { DateRange } from 'react-big-calendar';
import { londonLocalizer } from '../../../app/src/shared/calendar/london-localizer';

const { agendaTimeRangeFormat, eventTimeRangeFormat } = londonLocalizer.formats;
const agendaRange = (range: DateRange): string => agendaTimeRangeFormat!(range, 'en-GB', londonLocalizer);
const eventRange = (range: DateRange): string => eventTimeRangeFormat!(range, 'en-GB', londonLocalizer);
const formatRange = new Intl.DateTimeFormat('en-GB', { hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });

describe('the calendar’s time ranges', () => {
  it('read as Intl’s own en-GB range would, for every quarter hour of a day', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const start = new Date(2031, 5, 3, 0, minutes);
      const end = new Date(start.getTime() + ((minutes * 7) % 480 + 15) * 60_000);
      if (end.getDate() !== start.getDate()) continue;
      const range = { start, end };
      const expected = formatRange.formatRange(start, end);
      expect(agendaRange(range)).toBe(expected);
      expect(eventRange(range)).toBe(expected);
    }
  });

  it('gives a session of a working day as the agenda shows it', () => {
    expect(agendaRange({ start: new Date(2031, 5, 3, 9, 0), end: new Date(2031, 5, 3, 16, 30) })).toBe('09:00–16:30');
  });
});
