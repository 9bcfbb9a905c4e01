import { inject } from 'vitest';
import { sharedSyncAccount } from '../../couch/setup/credentials';
import { clusterNodes } from '../helpers/couchdb/cluster';
import { listenTestApp } from '../helpers/listen';
import type { TestCouch } from '../helpers/test-couch';

export const spec = inject('cluster');
export const nodes = clusterNodes(spec);
export const sync = sharedSyncAccount(spec.admin);

/** The cluster as node `i` serves it: what one sync-server instance is given. */
export const viaNode = (i: number): TestCouch => ({
  engine: 'couchdb',
  url: nodes[i]!.url,
  admin: spec.admin,
  sync,
  dataDir: spec.nodes[i]!.dataDir,
  spec: { engine: 'couchdb', couchUrl: nodes[i]!.url },
});

/** A sync-server on a free port that talks to node `i` only. */
export const syncServerOn = (i: number) => listenTestApp({}, viaNode(i));
