import { afterAll, beforeAll, expect, it } from 'vitest';
import { couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import { startTestCouch } from '../../helpers/test-couch';

let couch: Awaited<ReturnType<typeof startTestCouch>>;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(() => couch.stop());

const course = (title: string) => ({ _id: 'course:replicated', type: 'course', title });
const rev = (generation: number, hash: string) => `${generation}-${hash.repeat(32).slice(0, 32)}`;

/** What a replicator (PouchDB on a device) sends: revisions with their history, new_edits false. */
async function replicate(docs: object[]) {
  const response = await fetch(`${couch.url}/${DB.catalog}/_bulk_docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${couch.sync.name}:${couch.sync.password}`).toString('base64')}` },
    body: JSON.stringify({ docs, new_edits: false }),
  });
  expect(response.status).toBe(201);
}

it('stores a replicated update on top of an existing revision, as CouchDB does, in a database with validate_doc_update', async () => {
  await replicate([{ ...course('first'), _rev: rev(1, 'a'), _revisions: { start: 1, ids: ['a'.repeat(32)] } }]);
  await replicate([{ ...course('second'), _rev: rev(2, 'b'), _revisions: { start: 2, ids: ['b'.repeat(32), 'a'.repeat(32)] } }]);
  const stored = await couchAs(couch.url, couch.sync).use(DB.catalog).get('course:replicated');
  expect(stored).toMatchObject({ _rev: rev(2, 'b'), title: 'second' });
});

it('keeps a second conflicting revision as a conflict instead of dropping it', async () => {
  await replicate([{ ...course('other branch'), _rev: rev(2, 'c'), _revisions: { start: 2, ids: ['c'.repeat(32), 'a'.repeat(32)] } }]);
  const stored = await couchAs(couch.url, couch.sync).use(DB.catalog).get('course:replicated', { conflicts: true });
  expect([stored._rev, ...(stored._conflicts ?? [])].sort()).toEqual([rev(2, 'b'), rev(2, 'c')].sort());
});

it('still runs validate_doc_update on replicated revisions', async () => {
  const response = await fetch(`${couch.url}/${DB.catalog}/_bulk_docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ docs: [{ ...course('forged'), _rev: rev(3, 'd'), _revisions: { start: 3, ids: ['d'.repeat(32), 'b'.repeat(32), 'a'.repeat(32)] } }], new_edits: false }),
  });
  const results = (await response.json()) as { error?: string }[];
  expect(results[0]?.error).toBe('forbidden');
  const stored = await couchAs(couch.url, couch.sync).use<{ title: string }>(DB.catalog).get('course:replicated');
  expect(stored.title).not.toBe('forged');
});
