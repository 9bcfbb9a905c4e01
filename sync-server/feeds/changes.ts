import type { ServerScope } from 'nano';

/** A CouchDB sequence: a number on the embedded server, an opaque string on CouchDB 3. */
export type Seq = string | number;

export interface Change {
  id: string;
  seq: Seq;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: Record<string, unknown>;
}

/** The database's current sequence: where a follower that wants only new changes starts. */
export async function currentSeq(server: ServerScope, db: string): Promise<Seq> {
  const info = (await server.request({ db, method: 'GET' })) as { update_seq: Seq };
  return info.update_seq;
}
