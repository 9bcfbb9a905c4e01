import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { bootstrap } from '../../couch/setup/bootstrap';
import { splitCouchUrl } from '../../couch/client';
import { loadOrCreateCredentials, sharedSyncAccount, type Account } from '../../couch/setup/credentials';
import { startEmbeddedCouch, type EmbeddedCouch } from '../../couch/embedded';
import { startCouchNode, type CouchNode } from './couchdb/node';
import type { CouchRelease } from './couchdb/release';

export const INSTRUCTOR = { email: 'instructor@test.example', password: 'instructor-secret', name: 'Test Instructor' };

export type Engine = 'embedded' | 'couchdb';

/** Where a test project's servers come from: the embedded server, a given CouchDB, or nodes of a release. */
export type EngineSpec =
  | { engine: 'embedded' }
  | { engine: 'couchdb'; couchUrl: string }
  | { engine: 'couchdb'; release: CouchRelease & { home: string }; epmdPort: number };

/** What tests receive (inject('couch')): plain data, no functions. */
export interface TestCouch {
  engine: Engine;
  url: string;
  admin: Account;
  sync: Account;
  dataDir: string;
  /** How to start another server of the same engine, for files that need an empty one. */
  spec: EngineSpec;
}

export type RunningTestCouch = TestCouch & {
  /** The supervised embedded server, on that engine. */
  embedded?: EmbeddedCouch;
  /** The Apache CouchDB node this helper started, on that engine (not with COUCH_URL). */
  node?: CouchNode;
  stop(): Promise<void>;
};

const secret = (): string => randomBytes(18).toString('base64url');

/** A bootstrapped server of the given engine on a free loopback port with a temp data dir; the shared one by default. */
export async function startTestCouch(spec: EngineSpec = inject('couch').spec): Promise<RunningTestCouch> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rft-test-'));
  const { admin: embeddedAdmin, sync: embeddedSync } = loadOrCreateCredentials(dataDir);
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
  let url: string;
  let admin: Account;
  let stopServer: () => Promise<void>;
  let embedded: EmbeddedCouch | undefined;
  let node: CouchNode | undefined;
  if (spec.engine === 'embedded') {
    embedded = await startEmbeddedCouch({ dataDir, admin: embeddedAdmin });
    ({ url, admin } = { url: embedded.url, admin: embeddedAdmin });
    stopServer = () => embedded!.stop();
  } else if ('couchUrl' in spec) {
    const given = splitCouchUrl(spec.couchUrl);
    if (!given.admin) throw new Error('COUCH_URL must carry admin credentials for the tests');
    ({ url, admin } = { url: given.url, admin: given.admin });
    stopServer = async () => {};
  } else {
    admin = { name: 'admin', password: secret() };
    node = await startCouchNode({
      release: spec.release,
      home: spec.release.home,
      dataDir: join(dataDir, 'node'),
      adminPassword: admin.password,
      epmdPort: spec.epmdPort,
      name: `rft_${randomBytes(4).toString('hex')}`,
    });
    url = node.url;
    // Only the project's first node started the port mapper, so only its stop ends it.
    stopServer = () => node!.stop({ epmd: true });
  }
  const sync = spec.engine === 'embedded' ? embeddedSync : sharedSyncAccount(admin);
  try {
    await bootstrap({ url, admin, sync, instructor: INSTRUCTOR });
  } catch (error) {
    await stopServer();
    cleanUp();
    throw error;
  }
  return {
    engine: spec.engine,
    url,
    admin,
    sync,
    dataDir,
    spec,
    embedded,
    node,
    stop: async () => {
      await stopServer();
      cleanUp();
    },
  };
}

/** True when this project can start servers of its own (not when it was given one COUCH_URL). */
export const canStartServers = (spec: EngineSpec = inject('couch').spec): boolean => !('couchUrl' in spec);
