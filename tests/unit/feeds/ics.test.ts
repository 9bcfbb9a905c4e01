import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsCalendar, type CalendarEvent } from '../../../sync-server/calendar/ics';

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'session:1-day1@reactfasttraining.co.uk',
  start: '2027-03-26T09:30:00.000Z',
  end: '2027-03-26T17:00:00.000Z',
  summary: 'First Aid at Work',
  description: '12 of 12 seats left.',
  location: 'Location A',
  status: 'CONFIRMED',
  sequence: 1,
  lastModified: '2027-01-01T12:00:00.000Z',
  ...overrides,
});

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('turns a bare CR, a bare LF and CRLF each into one escaped line break, and drops other control characters', () => {
    expect(escapeText('one\rtwo\r\nthree\nfour')).toBe('one\\ntwo\\nthree\\nfour');
    expect(escapeText('Bell\u0007 and\u0000 escape\u001b[31m delete\u007f, tab\tkept')).toBe('Bell and escape[31m delete\\, tab\tkept');
  });

  it('a title with a bare CR and control characters cannot end a content line or inject a property', () => {
    const text = icsCalendar({ name: 'Courses', events: [event({ summary: 'EFAW\rDTSTART:19990101T000000\u0000\u000b' })], now: new Date('2027-01-02T00:00:00Z') });
    expect(text.split('\r\n').filter((line) => line.startsWith('DTSTART:1999'))).toEqual([]);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
    const [parsed] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(parsed!.summary).toBe('EFAW\nDTSTART:19990101T000000');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(line);
  });

  it('keeps 09:30 London across the March clock change and round-trips through ical.js', () => {
    const beforeChange = event();
    const afterChange = event({ uid: 'session:1-day2@reactfasttraining.co.uk', start: '2027-03-29T08:30:00.000Z', end: '2027-03-29T16:00:00.000Z' });
    const long = 'A very long description, with commas; semicolons and a line break\nthat must fold and unescape — exactly.'.repeat(3);
    const text = icsCalendar({ name: 'Courses', events: [beforeChange, { ...afterChange, description: long }], now: new Date('2027-01-02T00:00:00Z') });
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(parsed.map((e) => [e.startDate.hour, e.startDate.minute])).toEqual([[9, 30], [9, 30]]);
    expect(parsed.map((e) => e.startDate.toJSDate().toISOString())).toEqual([beforeChange.start, afterChange.start]);
    expect(parsed[1]!.description).toBe(long);
  });
});
