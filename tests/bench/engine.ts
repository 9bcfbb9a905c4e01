import { freePort } from '../../couch/embedded/free-port';
import { buildApp, type AppOptions } from '../../sync-server/app';
import { extractRelease, findCouchRelease } from '../helpers/couchdb/release';
import { loadOptions } from '../helpers/load-options';
import { startTestCouch, type EngineSpec } from '../helpers/test-couch';

/** `--engine embedded` (default) or `couchdb`: COUCH_URL when set, else a node of the release. */
export async function engineSpec(engine: string): Promise<EngineSpec> {
  if (engine === 'embedded') return { engine: 'embedded' };
  if (engine !== 'couchdb') throw new Error(`--engine must be embedded or couchdb, not ${engine}`);
  if (process.env.COUCH_URL) return { engine: 'couchdb', couchUrl: process.env.COUCH_URL };
  const release = findCouchRelease();
  if (!release) throw new Error('--engine couchdb needs COUCH_URL or an Apache CouchDB release (COUCHDB_RELEASE)');
  return { engine: 'couchdb', release: { ...release, home: extractRelease(release) }, epmdPort: await freePort() };
}

/** Ends a bench that hangs: a benchmark prints numbers, it never waits for ever. */
export function deadline(bench: string, ms: number): void {
  setTimeout(() => {
    console.error(`${bench} ran past its deadline`);
    process.exit(1);
  }, ms).unref();
}

/** A private CouchDB of the engine asked for and one sync-server on it, with the log-in limits out of the way. */
export async function benchStack(engine: string, overrides: Partial<AppOptions> = {}) {
  const couch = await startTestCouch(await engineSpec(engine));
  console.log(`engine: ${couch.engine}`);
  const app = await buildApp(loadOptions(couch, overrides));
  return { couch, app };
}
