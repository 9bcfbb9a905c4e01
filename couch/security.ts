import { ALL_DBS, READERS, type DbName } from '../domain/databases';

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/**
 * Every database gets an explicit `_security`: the embedded server leaves a database without one
 * open to anyone. Empty members means public read (writes are still decided by validate_doc_update).
 */
export function securityFor(db: DbName | '_users'): SecurityObject {
  const readers = db === '_users' ? ['_admin'] : READERS[db];
  return {
    admins: { names: [], roles: ['_admin'] },
    members: { names: [], roles: readers === 'public' ? [] : [...readers] },
  };
}

export const SECURED_DBS: readonly (DbName | '_users')[] = ['_users', ...ALL_DBS];
