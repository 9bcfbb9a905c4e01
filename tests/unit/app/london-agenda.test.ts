import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Navigate, type DateLocalizer } from 'react-big-calendar';
import { describe, expect, it } from 'vitest';
import { LondonAgenda } from '../../../app/src/shared/calendar/london-agenda';
import { londonLocalizer } from '../../../app/src/shared/calendar/london-localizer';

interface Happening {
  title: string;
  start: Date;
  end: Date;
}

const messages = { date: 'Date', time: 'Time', event: 'Event', noEventsInRange: 'No sessions match in these dates.' };
/** As react-big-calendar hands it to a view: formats by name, and the calendar's messages. */
const localizer = Object.assign(Object.create(londonLocalizer) as DateLocalizer, {
  messages,
  format: (value: never, format: string) => londonLocalizer.format(value, (londonLocalizer.formats as Record<string, never>)[format] ?? format),
});
const accessors = { start: (event: Happening) => event.start, end: (event: Happening) => event.end, title: (event: Happening) => event.title };
const Title = ({ title }: { title: string }) => createElement('b', null, title);
const at = (day: number, hour: number, title: string): Happening => ({ title, start: new Date(2031, 2, day, hour), end: new Date(2031, 2, day, hour + 7, 30) });

const render = (events: Happening[], length = 7) =>
  renderToStaticMarkup(createElement(LondonAgenda<Happening>, { events, date: new Date(2031, 2, 3), length, accessors, localizer: localizer as never, components: { event: Title } }));

describe('the agenda', () => {
  it('lists the first day and `length` more, soonest first, one date cell spanning each day’s rows', () => {
    const html = render([at(5, 13, 'Afternoon'), at(11, 9, 'Outside'), at(2, 9, 'Before'), at(5, 9, 'Morning'), at(10, 9, 'Last day')]);
    const rows = html.match(/<tr>.*?<\/tr>/g)!.slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<td rowSpan="2" class="rbc-agenda-date-cell">Wed 5 Mar</td><td class="rbc-agenda-time-cell">09:00–16:30</td>');
    expect(rows[0]).toContain('<b>Morning</b>');
    expect(rows[1]).not.toContain('rbc-agenda-date-cell');
    expect(rows[1]).toContain('13:00–20:30');
    expect(rows[2]).toContain('Mon 10 Mar');
    expect(html).not.toContain('Before');
    expect(html).not.toContain('Outside');
  });

  it('says so when nothing falls in its dates', () => {
    expect(render([at(20, 9, 'Later')])).toBe('<div class="rbc-agenda-view"><span class="rbc-agenda-empty">No sessions match in these dates.</span></div>');
  });

  it('moves by its length and titles its dates as react-big-calendar’s agenda does', () => {
    const start = new Date(2031, 2, 3);
    expect(LondonAgenda.navigate(start, Navigate.NEXT, { length: 7, localizer })).toEqual(new Date(2031, 2, 10));
    expect(LondonAgenda.navigate(start, Navigate.PREVIOUS, { localizer })).toEqual(new Date(2031, 1, 1));
    expect(LondonAgenda.navigate(start, Navigate.DATE, { localizer })).toBe(start);
    expect(LondonAgenda.range(start, { length: 7, localizer })).toEqual({ start, end: new Date(2031, 2, 10) });
    expect(LondonAgenda.title(start, { length: 7, localizer })).toMatch(/^3\s–\s10 Mar 2031$/);
  });
});
