import { z } from 'zod';

/**
 * The pieces of CouchDB's wire format the gateway accepts, each bounded. Query values arrive as
 * strings; these schemas turn them into values the gateway re-serialises itself.
 */

/** A document revision as CouchDB, pouchdb-server and PouchDB write it: generation, then 32 hex digits. */
export const rev = z.string().regex(/^[1-9][0-9]{0,8}-[0-9a-f]{32}$/, 'must be a revision such as 1-0123456789abcdef0123456789abcdef');

/** A document id the gateway serves: printable, bounded, and never a special (`_local/`, `_…`) id except `_design/<name>`. */
export const docId = z
  .string()
  .min(1)
  .max(512)
  .regex(/^(?:_design\/[a-z][a-z0-9_]*|[^_\u0000-\u001f\u007f][^\u0000-\u001f\u007f]*)$/, 'must be a document id (not _local or another special id)');

/** A change sequence: a number (the embedded server), `now`, or CouchDB's opaque string, bare or JSON-quoted. */
export const seq = z.union([
  z.literal('now'),
  z.string().regex(/^[0-9]{1,15}$/),
  z.string().max(4096).regex(/^(?:[0-9]+-[A-Za-z0-9_-]+|"[0-9]+-[A-Za-z0-9_-]+")$/),
], { error: 'must be a change sequence' });

export const bool = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true');

export const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** A query value that carries JSON (CouchDB's `open_revs=["1-…"]`, `keys=[…]`), parsed and then checked. */
export const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .max(64 * 1024)
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const revList = z.array(rev).min(1).max(1000);

/** Instants for the design-doc filters' `from`/`to`. */
export const instant = z.string().max(40).refine((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO date-time');

export const courseId = z.string().max(200).regex(/^course:[^\u0000-\u001f\u007f]+$/, 'must be a course id (course:…)');

/** Re-serialises parsed query values: booleans and numbers as text, arrays and objects as JSON. */
export function toQueryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
