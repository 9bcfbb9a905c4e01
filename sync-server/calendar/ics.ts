import { utcToLondon, LONDON_TIME_ZONE } from '../../domain/london-time';

/** One VEVENT. Times are UTC instants; the file states them as Europe/London wall-clock times. */
export interface CalendarEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description: string;
  location: string;
  status: 'CONFIRMED' | 'TENTATIVE';
  /** Bumped on every change, so calendar clients replace their copy: the document's revision generation. */
  sequence: number;
  lastModified: string;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/**
 * Europe/London's rules since 1996 (EU summer time: last Sunday of March 01:00 UTC to last Sunday
 * of October 01:00 UTC). RFC 5545 requires a VTIMEZONE for every TZID the file uses.
 */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${LONDON_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11); a CRLF, a bare CR
 * or a bare LF is one line break. Other control characters are not allowed in TEXT at all, and a
 * bare CR would end the content line early, so they are dropped (input refuses them anyway).
 */
export const escapeText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '');

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // Continuation lines start with a space, which counts towards their 75 octets.
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** `2027-03-22T09:30:00Z` → `20270322T093000` in London wall-clock time. */
const londonDateTime = (iso: string): string => `${utcToLondon(iso).replace(/[-:]/g, '')}00`;

/** `2027-03-22T09:30:00.000Z` → `20270322T093000Z`. */
const utcDateTime = (iso: string): string => `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

function eventLines(event: CalendarEvent, stamp: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;TZID=${LONDON_TIME_ZONE}:${londonDateTime(event.start)}`,
    `DTEND;TZID=${LONDON_TIME_ZONE}:${londonDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `LOCATION:${escapeText(event.location)}`,
    `STATUS:${event.status}`,
    `SEQUENCE:${event.sequence}`,
    `LAST-MODIFIED:${utcDateTime(event.lastModified)}`,
    'END:VEVENT',
  ];
}

/** A complete iCalendar object (RFC 5545): CRLF line ends, folded lines, one VTIMEZONE. */
export function icsCalendar(options: { name: string; events: readonly CalendarEvent[]; now: Date }): string {
  const stamp = utcDateTime(options.now.toISOString());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//React Fast Training//Course calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${LONDON_TIME_ZONE}`,
    ...LONDON_VTIMEZONE,
    ...options.events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
