import type { DocumentScope, ServerScope } from 'nano';
import { ROLES } from '../../domain/databases';
import { projectDesignDocs, type DesignDoc } from '../../design-docs/compile';
import { canLogIn, couchAs, isNotFound, untilLogIn, userDocId, type UserDoc } from '../client';
import type { Account } from './credentials';
import { SECURED_DBS, securityFor } from './security';

export interface InstructorAccount {
  email: string;
  password: string;
  name: string;
}

export interface BootstrapOptions {
  url: string;
  admin: Account;
  sync: Account;
  instructor: InstructorAccount;
  log?: (message: string) => void;
}

/** db name → design doc id → deployed version */
export type DeployedVersions = Record<string, Record<string, string>>;

/**
 * 412 on create means someone else created it first: CouchDB's own start-up, or another instance's
 * bootstrap. Racing CouchDB's own start-up for `_users` can also end in a 500 `conflict` while the
 * database does get created, so any refusal is checked against the database being there.
 */
async function ensureDatabase(server: ServerScope, name: string): Promise<void> {
  try {
    await server.db.get(name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await server.db.create(name).catch(async (createError: unknown) => {
      if ((createError as { statusCode?: number }).statusCode === 412) return;
      if (!(await server.db.get(name).then(() => true, () => false))) throw createError;
    });
  }
}

/** Creates or repairs an account so it has exactly the wanted roles and a password that works. */
async function ensureUser(server: ServerScope, url: string, account: Account, roles: string[], fullName?: string): Promise<void> {
  const users = server.use<UserDoc>('_users');
  const existing = await users.get(userDocId(account.name)).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  const rolesMatch = existing && [...existing.roles].sort().join() === [...roles].sort().join();
  const nameMatches = !fullName || existing?.fullName === fullName;
  if (existing && rolesMatch && nameMatches && (await canLogIn(url, account))) return;
  await users.insert({
    ...existing,
    _id: userDocId(account.name),
    type: 'user',
    name: account.name,
    roles,
    password: account.password,
    ...(fullName ? { fullName } : {}),
  });
  await untilLogIn(url, account, true);
}

/**
 * Apache CouchDB 3 refuses a `_security` for `_users` (unless `users_db_security_editable`) and
 * needs none: it already keeps `_users` admin-only. The embedded server needs it set.
 */
async function putSecurity(server: ServerScope, db: (typeof SECURED_DBS)[number]): Promise<void> {
  try {
    await server.request({ db, path: '_security', method: 'PUT', body: securityFor(db) });
  } catch (error) {
    const refused = db === '_users' && (error as { statusCode?: number }).statusCode === 403;
    if (!refused) throw error;
  }
}

async function deployDesignDoc(db: DocumentScope<unknown>, ddoc: DesignDoc): Promise<string> {
  const current = await db.get(ddoc._id).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  const deployed = current as (DesignDoc & { _rev: string }) | undefined;
  if (deployed?.version === ddoc.version) return ddoc.version;
  await db.insert({ ...ddoc, ...(deployed ? { _rev: deployed._rev } : {}) } as never);
  return ddoc.version;
}

/** Idempotent: safe to run on every start, against the embedded server or Apache CouchDB 3. */
export async function bootstrap(options: BootstrapOptions): Promise<DeployedVersions> {
  const log = options.log ?? (() => {});
  const server = couchAs(options.url, options.admin);
  for (const db of SECURED_DBS) {
    await ensureDatabase(server, db);
    await putSecurity(server, db);
  }
  await ensureUser(server, options.url, options.sync, [ROLES.sync]);
  const { email, password, name } = options.instructor;
  await ensureUser(server, options.url, { name: email, password }, [ROLES.instructor], name);

  const versions: DeployedVersions = {};
  for (const [dbName, ddocs] of Object.entries(projectDesignDocs())) {
    const db = server.use(dbName);
    versions[dbName] = {};
    for (const ddoc of ddocs) {
      const version = await deployDesignDoc(db, ddoc);
      versions[dbName][ddoc._id] = version;
      log(`design doc ${dbName}/${ddoc._id} at version ${version}`);
    }
  }
  return versions;
}
