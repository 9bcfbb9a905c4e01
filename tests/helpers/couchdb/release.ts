import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A folder holding an Apache CouchDB release tarball (`apache-couchdb-*.tar.gz`, top folder `couchdb/`)
 * and the `run-node.sh` that starts one node of it.
 */
export interface CouchRelease {
  tarball: string;
  runNode: string;
}

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** `COUCHDB_RELEASE` when set, else `../shared/couchdb` next to the repository; undefined when neither holds a release. */
export function findCouchRelease(env: NodeJS.ProcessEnv = process.env): CouchRelease | undefined {
  const dir = resolve(repoRoot, env.COUCHDB_RELEASE ?? '../shared/couchdb');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    if (env.COUCHDB_RELEASE) throw new Error(`COUCHDB_RELEASE=${env.COUCHDB_RELEASE} is not a folder`);
    return undefined;
  }
  const tarball = readdirSync(dir).find((name) => /^apache-couchdb-.*\.tar\.gz$/.test(name));
  const runNode = join(dir, 'run-node.sh');
  if (!tarball || !existsSync(runNode)) {
    if (env.COUCHDB_RELEASE) throw new Error(`COUCHDB_RELEASE=${env.COUCHDB_RELEASE} needs an apache-couchdb-*.tar.gz and run-node.sh`);
    return undefined;
  }
  return { tarball: join(dir, tarball), runNode };
}

/**
 * Extracts the tarball once into the temp dir and reuses it on later runs (nodes never write into
 * the release folder). Extraction goes to a scratch folder renamed into place, so two test projects
 * starting at once never see half a release.
 */
export function extractRelease(release: CouchRelease): string {
  const { size, mtimeMs } = statSync(release.tarball);
  const cache = join(tmpdir(), `rft-couchdb-${size}-${Math.round(mtimeMs)}`);
  const home = join(cache, 'couchdb');
  if (existsSync(join(home, 'bin', 'couchdb'))) return home;
  mkdirSync(cache, { recursive: true });
  const scratch = mkdtempSync(join(cache, 'extract-'));
  execFileSync('tar', ['xzf', release.tarball, '-C', scratch]);
  try {
    renameSync(join(scratch, 'couchdb'), home);
  } catch (error) {
    if (!existsSync(join(home, 'bin', 'couchdb'))) throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return home;
}
