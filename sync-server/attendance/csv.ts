/** UTF-8 byte-order mark: without it Excel reads UTF-8 as the local code page and mangles names. */
const BOM = '\uFEFF';

/**
 * Attendee names come from customers: a leading =, +, -, @, tab or CR would make a spreadsheet
 * run the text as a formula (OWASP "CSV injection"), so such a field starts with an apostrophe.
 */
const neutraliseFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, and quotes inside are doubled. */
export const csvField = (value: string): string => {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** A whole CSV file: BOM, CRLF line ends (RFC 4180), a final CRLF. */
export const toCsv = (rows: readonly (readonly string[])[]): string =>
  BOM + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
