import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../sync-server/attendance/csv';

describe('CSV for spreadsheets', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvField('Jo "JJ" Smith')).toBe('"Jo ""JJ"" Smith"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+44 20')).toBe("'+44 20");
    expect(csvField('@sum')).toBe("'@sum");
  });

  it('starts with a UTF-8 byte-order mark and ends every row with CRLF', () => {
    expect(toCsv([['Name', 'Notes'], ['Zoë', 'a,b']])).toBe('\uFEFFName,Notes\r\nZoë,"a,b"\r\n');
  });
});
