import type { TestProject } from 'vitest/node';
import { freePort } from '../../couch/embedded/free-port';
import { extractRelease, findCouchRelease } from './couchdb/release';
import { provideCouch } from './global-couch';

/** Apache CouchDB for the `:couchdb` projects: COUCH_URL when given, else a node of the release (see vitest.config.ts). */
export default async function setup(project: TestProject) {
  if (process.env.COUCH_URL) return provideCouch(project, { engine: 'couchdb', couchUrl: process.env.COUCH_URL });
  const release = findCouchRelease();
  if (!release) throw new Error('No Apache CouchDB release found: set COUCHDB_RELEASE or COUCH_URL');
  const home = extractRelease(release);
  return provideCouch(project, { engine: 'couchdb', release: { ...release, home }, epmdPort: await freePort() });
}
