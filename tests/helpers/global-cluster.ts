import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bootstrap } from '../../couch/setup/bootstrap';
import { sharedSyncAccount } from '../../couch/setup/credentials';
import { freePort } from '../../couch/embedded/free-port';
import { clusterNodes, startCluster, type ClusterSpec } from './couchdb/cluster';
import { extractRelease, findCouchRelease } from './couchdb/release';
import { INSTRUCTOR } from './test-couch';

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: ClusterSpec;
  }
}

/** A three-node Apache CouchDB cluster from the release, bootstrapped through its first node. */
export default async function setup(project: TestProject) {
  const release = findCouchRelease();
  if (!release) throw new Error('No Apache CouchDB release found: set COUCHDB_RELEASE');
  const dir = mkdtempSync(join(tmpdir(), 'rft-cluster-'));
  const spec = await startCluster({ release: { ...release, home: extractRelease(release) }, epmdPort: await freePort() }, dir);
  const first = clusterNodes(spec)[0]!;
  await bootstrap({ url: first.url, admin: spec.admin, sync: sharedSyncAccount(spec.admin), instructor: INSTRUCTOR });
  project.provide('cluster', spec);
  return async () => {
    // Stop the node that started the port mapper last, with the mapper.
    const [owner, ...others] = clusterNodes(spec);
    for (const node of others) await node.stop();
    await owner!.stop({ epmd: true });
    rmSync(dir, { recursive: true, force: true });
  };
}
