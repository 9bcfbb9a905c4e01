import { existsSync, readFileSync } from 'node:fs';
import { connectCouch, type ConnectOptions, type CouchConnection } from './connect';
import { loadOrCreateCredentials } from './credentials';
import { embeddedUrlFile } from '../embedded';

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * For command-line tools: Apache CouchDB when COUCH_URL is given; else the embedded server a running
 * sync-server started on this DATA_DIR; else the embedded server started just for this command
 * (stop `embedded` when done). Two servers on one data directory would fight over its LevelDB lock.
 */
export async function attachCouch(options: Omit<ConnectOptions, 'log'>): Promise<CouchConnection> {
  if (options.couchUrl) return connectCouch(options);
  const file = embeddedUrlFile(options.dataDir);
  const running = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (running && (await answers(running))) {
    const { admin, sync } = loadOrCreateCredentials(options.dataDir);
    return { url: running, admin, sync };
  }
  return connectCouch({ dataDir: options.dataDir });
}
