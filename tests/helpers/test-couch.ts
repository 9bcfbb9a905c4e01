import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrap } from '../../couch/bootstrap';
import { loadOrCreateCredentials, type Account } from '../../couch/credentials';
import { startEmbeddedCouch, type EmbeddedCouch } from '../../couch/embedded';

export const INSTRUCTOR = { email: 'instructor@test.example', password: 'instructor-secret', name: 'Test Instructor' };

export interface TestCouch {
  url: string;
  admin: Account;
  sync: Account;
  dataDir: string;
}

/** A real embedded CouchDB-compatible server on a free loopback port, bootstrapped, in a temp dir. */
export async function startTestCouch(): Promise<TestCouch & { embedded: EmbeddedCouch; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rft-test-'));
  const { admin, sync } = loadOrCreateCredentials(dataDir);
  const embedded = await startEmbeddedCouch({ dataDir, admin });
  await bootstrap({ url: embedded.url, admin, sync, instructor: INSTRUCTOR });
  return {
    url: embedded.url,
    admin,
    sync,
    dataDir,
    embedded,
    stop: async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
