import { randomBytes } from 'node:crypto';

export type OpenRevsResult = { ok: Record<string, unknown> } | { missing: string };

/**
 * What CouchDB 3 answers to `GET /db/<id>?open_revs=…` with `Accept: multipart/mixed` for documents
 * without attachment stubs: one `application/json` part per revision, and a part marked
 * `error="true"` holding `{"missing": rev}` for each revision it does not have. CouchDB's replicator
 * reads only this form.
 */
export function openRevsMultipart(results: readonly OpenRevsResult[]): { contentType: string; body: string } {
  const boundary = randomBytes(16).toString('hex');
  const parts = results.map((result) =>
    'ok' in result
      ? `\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(result.ok)}\r\n--${boundary}`
      : `\r\nContent-Type: application/json; error="true"\r\n\r\n${JSON.stringify({ missing: result.missing })}\r\n--${boundary}`,
  );
  return { contentType: `multipart/mixed; boundary="${boundary}"`, body: `--${boundary}${parts.join('')}--` };
}
