import { ALL_DBS, READERS, ROLES, SERVER_DBS, type DbName, type ServerDbName } from '../../domain/databases';

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/**
 * Every database gets an explicit `_security`: the embedded server leaves a database without one
 * open to anyone. Empty members means public read (writes are still decided by validate_doc_update).
 */
export function securityFor(db: DbName | ServerDbName | '_users'): SecurityObject {
  const readers = db === '_users' ? ['_admin'] : db in READERS ? READERS[db as DbName] : [ROLES.sync];
  return {
    admins: { names: [], roles: ['_admin'] },
    members: { names: [], roles: readers === 'public' ? [] : [...readers] },
  };
}

export const SECURED_DBS: readonly (DbName | ServerDbName | '_users')[] = ['_users', ...ALL_DBS, ...Object.values(SERVER_DBS)];
