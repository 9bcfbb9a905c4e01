import { describe, expect, it } from 'vitest';
import { signupRequest } from '../../../domain/schemas/auth';
import { attendanceRequest } from '../../../domain/schemas/attendance';
import { attendeeSchema } from '../../../domain/schemas/booking';
import { courseFields, notesText } from '../../../domain/schemas/catalog';
import { humanText } from '../../../domain/schemas/human-text';

const name = humanText({ label: 'Name', min: 1, max: 20, required: 'Enter your name.' });
const notes = humanText({ label: 'Notes', max: 50, multiline: true });
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message);

describe('humanText', () => {
  it('keeps ordinary names in any script, emoji included, trimmed and in NFC', () => {
    expect(name.parse('  Siobhán Ó Briain ')).toBe('Siobhán Ó Briain');
    expect(name.parse('Sio\u0062\u0068a\u0301n')).toBe('Siobhán');
    expect(name.parse('محمد')).toBe('محمد');
    expect(name.parse('李小龍')).toBe('李小龍');
    expect(name.parse('Pat 👩‍⚕️')).toBe('Pat 👩‍⚕️');
  });

  it('drops invisible characters inside a name', () => {
    expect(name.parse('Pat\u200B Smith\uFEFF')).toBe('Pat Smith');
    expect(name.parse('\u2060Sam\u00AD')).toBe('Sam');
  });

  it('refuses a name made only of zero-width or invisible characters', () => {
    for (const value of ['\u200B', '\u200B\u200C\u200D', '\uFEFF\u2060', '\u200D']) {
      expect(messages(name.safeParse(value)), JSON.stringify(value)).toEqual(['Name has no readable characters.']);
    }
  });

  it('refuses control characters and line breaks in a one-line field', () => {
    for (const value of ['\u0007', 'Pat\u0000', 'Pat\rSmith', 'Pat\nSmith', 'Pat\tSmith', 'Pat\u0085', 'Pat\u2028Smith', '\u001b[31mPat']) {
      expect(messages(name.safeParse(value)), JSON.stringify(value)).toEqual(['Name must not contain control characters or line breaks.']);
    }
  });

  it('refuses direction overrides, which make a name read as something else', () => {
    expect(messages(name.safeParse('Pat\u202Ehtims'))).toEqual(['Name must not contain text-direction control characters.']);
    expect(messages(name.safeParse('\u2066Pat\u2069'))).toEqual(['Name must not contain text-direction control characters.']);
  });

  it('applies the length limits to the cleaned text, with the required message when empty', () => {
    expect(messages(name.safeParse('   '))).toEqual(['Enter your name.']);
    expect(messages(name.safeParse(undefined))).toEqual(['Enter your name.']);
    expect(messages(name.safeParse('x'.repeat(21)))).toEqual(['Name is at most 20 characters.']);
    expect(name.parse(`${'x'.repeat(20)}\u200B`)).toBe('x'.repeat(20));
  });

  it('keeps line breaks (CRLF and CR become LF) and tabs in multi-line notes, and nothing else', () => {
    expect(notes.parse('Line one\r\nLine two\rLine three\n\tIndented')).toBe('Line one\nLine two\nLine three\n\tIndented');
    expect(notes.parse('')).toBe('');
    expect(messages(notes.safeParse('Needs\u0000help'))).toEqual(['Notes must not contain control characters.']);
    expect(messages(notes.safeParse('\u200B\u200B'))).toEqual(['Notes has no readable characters.']);
  });
});

describe('every human-text field uses it', () => {
  it('sign-up names, attendee names, course titles and descriptions, session and attendance notes', () => {
    const base = { email: 'pat@example.com', password: 'long-enough-password' };
    expect(signupRequest.safeParse({ ...base, name: '\u200B' }).success).toBe(false);
    expect(attendeeSchema.safeParse({ name: 'Pat\u0007' }).success).toBe(false);
    expect(courseFields.shape.title.safeParse('EFAW\rDTSTART:1999').success).toBe(false);
    expect(courseFields.shape.title.safeParse('\u200B\u200B\u200B\u200B').success).toBe(false);
    expect(courseFields.shape.description.safeParse('\u0000').success).toBe(false);
    expect(notesText.safeParse('\u200B').success).toBe(false);
    const mark = { records: [{ bookingId: 'booking:b', attendee: 0, day: 0, status: 'present', notes: '\u0007' }] };
    expect(attendanceRequest.safeParse(mark).success).toBe(false);
    expect(attendanceRequest.safeParse({ records: [{ ...mark.records[0], notes: 'Arrived 10 min late' }] }).success).toBe(true);
  });
});
