import type { RequestOptions, ServerScope } from 'nano';

/** A CouchDB sequence: a number on the embedded server, an opaque string on CouchDB 3. */
export type Seq = string | number;

export interface Change {
  id: string;
  seq: Seq;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: Record<string, unknown>;
}

interface ChangesPage {
  results: Change[];
  last_seq: Seq;
}

const PAGE_SIZE = 100;
/** The embedded server ignores a longpoll `timeout` (DESIGN.md); newlines every few seconds keep the request alive. */
const HEARTBEAT_MS = 10_000;

/** The database's current sequence: where a follower that wants only new changes starts. */
export async function currentSeq(server: ServerScope, db: string): Promise<Seq> {
  const info = (await server.request({ db, method: 'GET' })) as { update_seq: Seq };
  return info.update_seq;
}

/** Every change after `since`, in sequence order, with its document, until `signal` aborts. */
export async function* followChanges(server: ServerScope, db: string, since: Seq, signal: AbortSignal): AsyncGenerator<Change> {
  let cursor = since;
  while (!signal.aborted) {
    const request: RequestOptions & { signal: AbortSignal } = {
      db,
      path: '_changes',
      method: 'GET',
      qs: { feed: 'longpoll', since: cursor, include_docs: true, heartbeat: HEARTBEAT_MS, limit: PAGE_SIZE },
      signal,
    };
    const page = (await server.request(request)) as ChangesPage;
    for (const change of page.results) yield change;
    cursor = page.last_seq;
  }
}
