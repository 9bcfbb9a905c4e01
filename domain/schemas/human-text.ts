import { z } from 'zod';

/** Invisible characters that only hide text: zero-width space, word joiner, byte-order mark, soft hyphen. */
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;
/** C0 and C1 control characters and the Unicode line and paragraph separators. */
const SINGLE_LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** The same, except the tab and the newline a multi-line text may hold. */
const MULTI_LINE_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
/** Explicit direction overrides and isolates, which can make a name read as something else. */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const READABLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export interface HumanTextOptions {
  /** How the field is named in messages, capitalised: "Name", "Notes". */
  label: string;
  min?: number;
  max: number;
  /** Notes and descriptions keep their line breaks (CRLF and CR become LF) and tabs. */
  multiline?: boolean;
  /** The message when the value is missing or empty. */
  required?: string;
}

/**
 * The one rule for text a person typed and another person reads (names, titles, notes): NFC, no
 * invisible characters, trimmed, and refused when it holds control characters or direction
 * overrides, or when something was typed but nothing readable remains.
 */
export function humanText({ label, min = 0, max, multiline = false, required }: HumanTextOptions) {
  const controls = multiline ? MULTI_LINE_CONTROLS : SINGLE_LINE_CONTROLS;
  return z.string({ error: required ?? `${label} must be text.` }).transform((raw, ctx) => {
    const lines = multiline ? raw.replace(/\r\n?/g, '\n') : raw;
    const text = lines.normalize('NFC').replace(INVISIBLE, '').trim();
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (controls.test(text)) return fail(`${label} must not contain control characters${multiline ? '' : ' or line breaks'}.`);
    if (DIRECTION_CONTROLS.test(text)) return fail(`${label} must not contain text-direction control characters.`);
    if (raw.trim() && !READABLE.test(text)) return fail(`${label} has no readable characters.`);
    if (text.length < min) return fail(required ?? `${label} needs at least ${min} characters.`);
    if (text.length > max) return fail(`${label} is at most ${max} characters.`);
    return text;
  });
}
