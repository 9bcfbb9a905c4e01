import { READERS, type DbName } from '../../domain/databases';
import type { SessionUser } from '../plugins/session';

export type ProxyVerdict =
  | 'ok'
  | 'unknown_database'
  | 'endpoint_not_allowed'
  | 'filter_not_allowed'
  | 'login_required'
  | 'not_a_reader';

export interface ProxyRequest {
  method: string;
  db: string;
  /** Path segments after the database name, still URL-encoded. */
  rest: string[];
  filter?: string;
  user: SessionUser | null;
}

type Endpoint = { methods: readonly string[]; writes?: boolean };

const READ = ['GET', 'HEAD'] as const;

/** Exactly the endpoints PouchDB replication needs, and nothing else. */
function endpointFor(rest: string[]): Endpoint | null {
  const [first = '', second, ...more] = rest;
  if (first === '' && rest.length <= 1) return { methods: READ };
  if (more.length) return null;
  if (first === '_local' && second) return { methods: ['GET', 'HEAD', 'PUT'] };
  if (second !== undefined) return null;
  switch (first) {
    case '_changes':
    case '_all_docs':
      return { methods: ['GET', 'HEAD', 'POST'] };
    case '_bulk_get':
    case '_revs_diff':
      return { methods: ['POST'] };
    case '_bulk_docs':
      return { methods: ['POST'], writes: true };
    default:
      return first.startsWith('_') ? null : { methods: READ };
  }
}

/**
 * Decides whether a /db request may reach CouchDB. Some requests crash the embedded server
 * (`_changes` with a missing filter, `filter=_view`, `filter=_selector`), so filters are allowlisted.
 */
export function judgeDbRequest(request: ProxyRequest, filters: Record<string, readonly string[]>): ProxyVerdict {
  const readers = READERS[request.db as DbName];
  if (!readers) return 'unknown_database';
  const endpoint = endpointFor(request.rest);
  if (!endpoint || !endpoint.methods.includes(request.method)) return 'endpoint_not_allowed';
  if (request.rest[0] === '_changes' && request.filter !== undefined) {
    const allowed = request.filter === '_doc_ids' || (filters[request.db] ?? []).includes(request.filter);
    if (!allowed) return 'filter_not_allowed';
  }
  if (!request.user && (readers !== 'public' || endpoint.writes)) return 'login_required';
  if (readers !== 'public' && !request.user!.roles.some((role) => (readers as readonly string[]).includes(role))) {
    return 'not_a_reader';
  }
  return 'ok';
}
