import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { DocumentScope } from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import type { SessionDoc } from '../../../domain/schemas/catalog';
import type { TestApp } from '../../helpers/build-app';
import { insertCourseWithSession } from '../../helpers/catalog-fixtures';
import { listenTestApp } from '../../helpers/listen';
import { memoryPouch, remotePouch } from '../../helpers/node-pouch';
import { startTestCouch } from '../../helpers/test-couch';

interface Snapshot {
  seq: number | string;
  docs: (Record<string, unknown> & { _id: string; _rev: string; _revisions: { start: number; ids: string[] } })[];
}

// A server of its own: sequences and ETags are only comparable when no other file writes the catalog.
let couch: Awaited<ReturnType<typeof startTestCouch>>;
let catalog: DocumentScope<SessionDoc>;
let app: TestApp;
let baseUrl: string;

beforeAll(async () => {
  couch = await startTestCouch();
  catalog = couchAs(couch.url, couch.sync).use<SessionDoc>(DB.catalog);
  ({ app, baseUrl } = await listenTestApp({}, couch));
});
afterAll(async () => {
  await app?.close();
  await couch?.stop();
});

const fetchSnapshot = async (encoding = 'br') => {
  const response = await app.inject({ method: 'GET', url: '/api/catalog/snapshot', headers: { 'accept-encoding': encoding } });
  const raw = response.rawPayload;
  const body = response.headers['content-encoding'] === 'br' ? brotliDecompressSync(new Uint8Array(raw)) : response.headers['content-encoding'] === 'gzip' ? gunzipSync(new Uint8Array(raw)) : raw;
  return { response, snapshot: JSON.parse(body.toString('utf8')) as Snapshot };
};

/** The snapshot once it has caught up with the catalog: a request after a change may still get the one before it. */
const freshSnapshot = async (encoding = 'br') => {
  const seq = String((await catalog.info()).update_seq);
  for (let attempt = 0; attempt < 50; attempt++) {
    const fetched = await fetchSnapshot(encoding);
    if (String(fetched.snapshot.seq) === seq) return fetched;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the snapshot never reached seq ${seq}`);
};

const bumpSeats = async (id: string) => {
  const doc = await catalog.get(id);
  await catalog.insert({ ...doc, capacity: doc.capacity - 1, updatedAt: new Date().toISOString() });
};

describe('GET /api/catalog/snapshot', () => {
  it('is public, compressed and cacheable, and carries every course and session with its revision history', async () => {
    const { course, session } = await insertCourseWithSession(couch, { title: 'Snapshot course', start: new Date(Date.UTC(2034, 0, 9, 9)) });
    await bumpSeats(session._id);

    const { response, snapshot } = await freshSnapshot('gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(response.headers.vary).toBe('Accept-Encoding');

    const shipped = snapshot.docs.find((doc) => doc._id === session._id)!;
    expect(shipped).toMatchObject({ capacity: 11, _revisions: { start: 2 } });
    expect(shipped._rev).toBe(`2-${shipped._revisions.ids[0]}`);
    expect(snapshot.docs.some((doc) => doc._id === course._id)).toBe(true);
    expect(snapshot.docs.every((doc) => /^(course|session):/.test(doc._id))).toBe(true);

    const gzipped = await fetchSnapshot('gzip');
    expect(gzipped.response.headers['content-encoding']).toBe('gzip');
    expect(gzipped.snapshot.seq).toEqual(snapshot.seq);
  });

  it('answers 304 to the ETag of an unchanged catalog, and a new body once the catalog has changed', async () => {
    const { session } = await insertCourseWithSession(couch, { title: 'ETag course', start: new Date(Date.UTC(2034, 1, 9, 9)) });
    const { response } = await freshSnapshot();
    const etag = response.headers.etag as string;
    const again = await app.inject({ method: 'GET', url: '/api/catalog/snapshot', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);

    await bumpSeats(session._id);
    const { response: changed, snapshot } = await freshSnapshot();
    expect(changed.headers.etag).not.toBe(etag);
    expect(snapshot.docs.find((doc) => doc._id === session._id)).toMatchObject({ capacity: 11 });
    const revalidated = await app.inject({ method: 'GET', url: '/api/catalog/snapshot', headers: { 'if-none-match': etag } });
    expect(revalidated.statusCode).toBe(200);
  });

  it('loaded with new_edits:false then replicated from its seq, gives a device the server copy and the changes made after it, with no conflicts', async () => {
    const { session } = await insertCourseWithSession(couch, { title: 'Device start course', start: new Date(Date.UTC(2034, 2, 9, 9)) });
    const { snapshot } = await freshSnapshot();
    await bumpSeats(session._id);
    const after = await insertCourseWithSession(couch, { title: 'After snapshot course', start: new Date(Date.UTC(2034, 3, 9, 9)) });

    const device = memoryPouch();
    await device.bulkDocs(snapshot.docs, { new_edits: false });
    expect(((await device.get(session._id)) as unknown as SessionDoc).capacity).toBe(12);

    const result = await device.replicate.from(remotePouch(baseUrl, DB.catalog), { since: snapshot.seq });
    // Only what changed after the snapshot crosses the wire, not the whole catalog again.
    expect(result.docs_read).toBeLessThan(snapshot.docs.length);

    const onDevice = await device.get(session._id, { conflicts: true });
    expect(onDevice).toMatchObject({ capacity: 11, _rev: (await catalog.get(session._id))._rev });
    expect(onDevice._conflicts).toBeUndefined();
    expect(await device.get(after.session._id)).toMatchObject({ courseTitle: 'After snapshot course' });

    const server = new Map((await catalog.list()).rows.map((row) => [row.id, row.value.rev]));
    const local = await device.allDocs({ conflicts: true, include_docs: true });
    expect(local.rows.map((row) => [row.id, row.value.rev, row.doc?._conflicts])).toEqual(
      [...server].filter(([id]) => /^(course|session):/.test(id)).map(([id, rev]) => [id, rev, undefined]),
    );
  });
});
