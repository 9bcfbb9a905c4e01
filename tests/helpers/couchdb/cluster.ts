import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '../../../couch/embedded/free-port';
import type { Account } from '../../../couch/setup/credentials';
import { couchNode, type CouchNode } from './node';
import type { CouchRelease } from './release';

/** Everything a test process needs to reach, kill and restart the nodes: plain data. */
export interface ClusterSpec {
  release: CouchRelease & { home: string };
  epmdPort: number;
  cookie: string;
  admin: Account;
  nodes: { name: string; port: number; dataDir: string }[];
}

export const clusterNodes = (spec: ClusterSpec): CouchNode[] =>
  spec.nodes.map((node) =>
    couchNode({ release: spec.release, home: spec.release.home, epmdPort: spec.epmdPort, adminPassword: spec.admin.password, cluster: { cookie: spec.cookie }, ...node }),
  );

async function admin(spec: ClusterSpec, url: string, path: string, method: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${spec.admin.name}:${spec.admin.password}`).toString('base64')}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

/** Three nodes on loopback joined into one cluster (n=3, q=2), as the release README does it. */
export async function startCluster(base: Omit<ClusterSpec, 'nodes' | 'cookie' | 'admin'>, dir: string): Promise<ClusterSpec> {
  const spec: ClusterSpec = {
    ...base,
    cookie: randomBytes(16).toString('hex'),
    admin: { name: 'admin', password: randomBytes(18).toString('base64url') },
    nodes: [],
  };
  for (const i of [1, 2, 3]) spec.nodes.push({ name: `rftnode${i}`, port: await freePort(), dataDir: join(dir, `node${i}`) });
  const nodes = clusterNodes(spec);
  for (const node of nodes) await node.start();
  const [first] = nodes as [CouchNode, ...CouchNode[]];
  for (const node of nodes.slice(1)) await admin(spec, first.url, `/_node/_local/_nodes/${node.nodeName}`, 'PUT', {});
  // Cookie sessions must verify on every node, so all share one secret, set before finish_cluster.
  const secret = randomBytes(32).toString('hex');
  for (const node of nodes) await admin(spec, node.url, '/_node/_local/_config/chttpd_auth/secret', 'PUT', secret);
  await admin(spec, first.url, '/_cluster_setup', 'POST', { action: 'finish_cluster' });
  await waitForMembership(spec, nodes);
  return spec;
}

async function waitForMembership(spec: ClusterSpec, nodes: CouchNode[]): Promise<void> {
  const wanted = nodes.map((node) => node.nodeName).sort().join();
  const authorization = `Basic ${Buffer.from(`${spec.admin.name}:${spec.admin.password}`).toString('base64')}`;
  for (let i = 0; i < 100; i++) {
    const views = await Promise.all(
      nodes.map(async (node) => ((await (await fetch(`${node.url}/_membership`, { headers: { authorization } })).json()) as { cluster_nodes: string[] }).cluster_nodes),
    );
    if (views.every((members) => [...members].sort().join() === wanted)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The three CouchDB nodes did not see each other within 10 s');
}

