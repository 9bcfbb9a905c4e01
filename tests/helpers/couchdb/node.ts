import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../../../couch/embedded/free-port';
import type { CouchRelease } from './release';

const run = promisify(execFile);
const projectIni = fileURLToPath(new URL('../../../couch/local.ini', import.meta.url));

export interface CouchNodeOptions {
  release: CouchRelease;
  /** The extracted release folder (see extractRelease). */
  home: string;
  dataDir: string;
  adminPassword: string;
  /** Every node of one test run shares a private port mapper, so runs never see each other's nodes. */
  epmdPort: number;
  /** Erlang node name without host, e.g. `couchdb2`. */
  name?: string;
  /** Options for a node of a multi-node cluster. */
  cluster?: { cookie: string };
  /** A port of its own; a free one when omitted. */
  port?: number;
}

export interface CouchNode {
  url: string;
  /** `name@127.0.0.1`, as `_membership` lists it. */
  nodeName: string;
  dataDir: string;
  /** Starts the node again on the same port and data (after stop or kill). */
  start(): Promise<void>;
  /** SIGKILL, as a crashed machine: nothing is flushed or said goodbye. */
  kill(): void;
  stop(options?: { epmd?: boolean }): Promise<void>;
}

/** One Apache CouchDB node on a free loopback port with the project's couch/local.ini, started by run-node.sh. */
export async function startCouchNode(options: CouchNodeOptions): Promise<CouchNode> {
  const node = couchNode({ ...options, port: options.port ?? (await freePort()) });
  await node.start();
  return node;
}

/** The handle of a node that may or may not run (another process started it, or it was killed). */
export function couchNode(options: CouchNodeOptions & { port: number }): CouchNode {
  const { port } = options;
  const name = options.name ?? 'couchdb';
  mkdirSync(join(options.dataDir, 'etc', 'local.d'), { recursive: true });
  copyFileSync(projectIni, join(options.dataDir, 'etc', 'local.d', 'rft.ini'));
  const script = (args: string[]) =>
    run(options.release.runNode, ['-d', options.dataDir, ...args], {
      env: { ...process.env, COUCHDB_ADMIN_PASSWORD: options.adminPassword },
      timeout: 90_000,
    });
  const start = async () => {
    const cluster = options.cluster ? ['--cluster', '--cookie', options.cluster.cookie] : [];
    await script(['-r', options.home, '-p', String(port), '-n', name, '--epmd-port', String(options.epmdPort), ...cluster, '-b']);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    nodeName: `${name}@127.0.0.1`,
    dataDir: options.dataDir,
    start,
    kill: () => {
      const pid = Number(readFileSync(join(options.dataDir, 'couchdb.pid'), 'utf8').trim());
      process.kill(pid, 'SIGKILL');
    },
    stop: async ({ epmd = false } = {}) => {
      await script(['--stop', ...(epmd ? ['--stop-epmd'] : [])]);
    },
  };
}
