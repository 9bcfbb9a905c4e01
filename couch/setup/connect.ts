import { splitCouchUrl } from '../client';
import { loadOrCreateCredentials, sharedSyncAccount, type Account, type Credentials } from './credentials';
import { startEmbeddedCouch, type EmbeddedCouch } from '../embedded';

export interface CouchConnection {
  url: string;
  admin: Account;
  sync: Account;
  /** Present when we run the embedded server ourselves. */
  embedded?: EmbeddedCouch;
}

export interface ConnectOptions {
  couchUrl?: string;
  /** RFT_SYNC_PASSWORD: the sync-server account's password on Apache CouchDB, shared by every instance. */
  syncPassword?: string;
  dataDir: string;
  log?: (message: string) => void;
}

/** Apache CouchDB when COUCH_URL is given (with admin credentials in it), else the embedded server. */
export async function connectCouch(options: ConnectOptions): Promise<CouchConnection> {
  if (options.couchUrl) {
    const { url, admin } = splitCouchUrl(options.couchUrl);
    if (!admin) throw new Error('COUCH_URL must include admin credentials, e.g. http://admin:password@127.0.0.1:5984');
    return { url, admin, sync: sharedSyncAccount(admin, options.syncPassword) };
  }
  const credentials: Credentials = loadOrCreateCredentials(options.dataDir);
  const embedded = await startEmbeddedCouch({ dataDir: options.dataDir, admin: credentials.admin, log: options.log });
  return { url: embedded.url, admin: credentials.admin, sync: credentials.sync, embedded };
}
