import { HttpError } from '../http-error';
import type { ParsedRequest } from './operations';
import { toQueryString } from './wire';

export interface CouchAnswer {
  status: number;
  body: unknown;
}

type Credentials = Record<string, string>;

/** One request to the database, answered as JSON; POST when there is a body, unless `method` says otherwise. */
export async function askCouch(url: string, credentials: Credentials, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<CouchAnswer> {
  const response = await fetch(url, {
    method,
    headers: { ...credentials, accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/**
 * The requested revisions the database has never seen. pouchdb-server 4.2.0 dies on `latest=true`
 * for such a revision (single document or `_bulk_get`), so the gateway answers those itself,
 * as CouchDB does: "missing".
 */
async function unknownRevisions(couchUrl: string, db: string, credentials: Credentials, wanted: Map<string, string[]>): Promise<Set<string>> {
  if (wanted.size === 0) return new Set();
  const answer = await askCouch(`${couchUrl}/${db}/_revs_diff`, credentials, Object.fromEntries(wanted));
  if (answer.status !== 200) throw new HttpError(502, 'couch_unavailable', 'The database did not answer as expected. Please try again shortly.');
  const unknown = new Set<string>();
  for (const [id, { missing }] of Object.entries(answer.body as Record<string, { missing: string[] }>)) {
    for (const rev of missing) unknown.add(`${id}\n${rev}`);
  }
  return unknown;
}

/** `GET <doc>?open_revs=…`: a JSON list of `{ok: doc}` or `{missing: rev}`, or the database's refusal. */
export async function openRevisions(couchUrl: string, db: string, request: ParsedRequest, credentials: Credentials): Promise<CouchAnswer> {
  const { open_revs: openRevs, ...query } = request.query as { open_revs: 'all' | string[]; latest?: boolean };
  const id = decodeURIComponent(request.path.slice(`/${db}/`.length));
  const ask = (revs: 'all' | string[]) => askCouch(`${couchUrl}${request.path}${toQueryString({ ...query, open_revs: revs })}`, credentials);
  if (openRevs === 'all' || !query.latest) return ask(openRevs);
  const unknown = await unknownRevisions(couchUrl, db, credentials, new Map([[id, openRevs]]));
  const known = openRevs.filter((rev) => !unknown.has(`${id}\n${rev}`));
  const answer = known.length ? await ask(known) : { status: 200, body: [] };
  if (answer.status !== 200) return answer;
  const missing = openRevs.filter((rev) => unknown.has(`${id}\n${rev}`)).map((rev) => ({ missing: rev }));
  return { status: 200, body: [...(answer.body as unknown[]), ...missing] };
}

interface BulkGetRequest {
  docs: { id: string; rev?: string }[];
}

/** `POST _bulk_get?latest=true`: revisions the database does not know come back as CouchDB's not_found errors. */
export async function bulkGetLatest(couchUrl: string, db: string, request: ParsedRequest, credentials: Credentials): Promise<CouchAnswer> {
  const { docs } = request.body as BulkGetRequest;
  const wanted = new Map<string, string[]>();
  for (const doc of docs) if (doc.rev) wanted.set(doc.id, [...(wanted.get(doc.id) ?? []), doc.rev]);
  const unknown = await unknownRevisions(couchUrl, db, credentials, wanted);
  const isUnknown = (doc: BulkGetRequest['docs'][number]) => !!doc.rev && unknown.has(`${doc.id}\n${doc.rev}`);
  const known = docs.filter((doc) => !isUnknown(doc));
  const answer = known.length
    ? await askCouch(`${couchUrl}${request.path}${toQueryString(request.query)}`, credentials, { docs: known })
    : { status: 200, body: { results: [] } };
  if (answer.status !== 200) return answer;
  const found = [...(answer.body as { results: unknown[] }).results];
  const results = docs.map((doc) =>
    isUnknown(doc) ? { id: doc.id, docs: [{ error: { id: doc.id, rev: doc.rev, error: 'not_found', reason: 'missing' } }] } : found.shift(),
  );
  return { status: 200, body: { results } };
}
