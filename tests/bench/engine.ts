import { freePort } from '../../couch/embedded/free-port';
import { extractRelease, findCouchRelease } from '../helpers/couchdb/release';
import type { EngineSpec } from '../helpers/test-couch';

/** `--engine embedded` (default) or `couchdb`: COUCH_URL when set, else a node of the release. */
export async function engineSpec(engine: string): Promise<EngineSpec> {
  if (engine === 'embedded') return { engine: 'embedded' };
  if (engine !== 'couchdb') throw new Error(`--engine must be embedded or couchdb, not ${engine}`);
  if (process.env.COUCH_URL) return { engine: 'couchdb', couchUrl: process.env.COUCH_URL };
  const release = findCouchRelease();
  if (!release) throw new Error('--engine couchdb needs COUCH_URL or an Apache CouchDB release (COUCHDB_RELEASE)');
  return { engine: 'couchdb', release: { ...release, home: extractRelease(release) }, epmdPort: await freePort() };
}
