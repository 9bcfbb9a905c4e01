import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Account {
  name: string;
  password: string;
}

/** Generated on first start and kept in DATA_DIR (mode 600), never in the repository. */
export interface Credentials {
  /** The embedded server's admin; unused when COUCH_URL carries its own admin. */
  admin: Account;
  /** The sync-server's own account: the only writer of bookings and the catalog. */
  sync: Account;
}

export const SYNC_ACCOUNT_NAME = 'rft_sync_server';

/**
 * The sync-server account on Apache CouchDB, the same for every instance that shares the database:
 * `RFT_SYNC_PASSWORD` when given, else derived from the admin credentials all instances already
 * hold. A password generated per DATA_DIR would let each instance's bootstrap reset the others'.
 */
export function sharedSyncAccount(admin: Account, syncPassword?: string): Account {
  const password = syncPassword ?? createHmac('sha256', `${admin.name}:${admin.password}`).update(SYNC_ACCOUNT_NAME).digest('base64url');
  return { name: SYNC_ACCOUNT_NAME, password };
}

const secret = (): string => randomBytes(24).toString('base64url');

export function loadOrCreateCredentials(dataDir: string): Credentials {
  const file = join(dataDir, 'credentials.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const credentials: Credentials = {
    admin: { name: 'rft_admin', password: secret() },
    sync: { name: SYNC_ACCOUNT_NAME, password: secret() },
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}
