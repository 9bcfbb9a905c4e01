import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth } from '../../couch/client';
import type { Account } from '../../couch/setup/credentials';
import { DB } from '../../domain/databases';
import { as, signUp } from '../helpers/build-app';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { startCouchNode, type CouchNode } from '../helpers/couchdb/node';
import { listenTestApp } from '../helpers/listen';
import { memoryPouch, remotePouch } from '../helpers/node-pouch';
import { startTestCouch, type RunningTestCouch, type TestCouch } from '../helpers/test-couch';
import { newServiceAccount } from '../integration/feeds/accounts';
import { spec, syncServerOn, viaNode } from './stack';

type Stack = Awaited<ReturnType<typeof listenTestApp>>;
let one: Stack;
let two: Stack;
let customer: string;
let service: Account & { headers: Record<string, string> };

beforeAll(async () => {
  [one, two] = await Promise.all([syncServerOn(0), syncServerOn(1)]);
  customer = (await signUp(one.app)).cookie;
  service = await newServiceAccount(viaNode(0));
});
afterAll(async () => {
  await Promise.all([one?.app.close(), two?.app.close()]);
});

let day = 0;
const newSession = (couch: TestCouch) =>
  insertCourseWithSession(couch, { title: 'Cluster feed course', start: new Date(Date.UTC(2034, 0, 1, 9) + ++day * 86_400_000 + (process.pid % 97) * 3 * 86_400_000) });

async function book(stack: Stack, sessionId: string, cookie = customer): Promise<string> {
  const response = await stack.app.inject(as(cookie, { method: 'POST', url: '/api/bookings', payload: { sessionId, attendees: [{ name: 'Feed attendee' }] } }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().booking.id as string;
}

/** A load balancer in miniature: forwards every request to whichever sync-server is current. */
async function switchableProxy(target: string): Promise<{ url: string; switchTo(url: string): void; server: Server }> {
  let current = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const forwarded = request(
      { host: current.hostname, port: current.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, host: current.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, switchTo: (url) => (current = new URL(url)), server };
}

describe('consumers of /db when their sync-server is switched to another node', () => {
  it('a _changes consumer resumes from its saved seq on the other node without a gap', async () => {
    const { course, session } = await newSession(viaNode(0));
    const changes = async (stack: Stack, since: string | number) => {
      const response = await fetch(`${stack.baseUrl}/db/${DB.bookings}/_changes?filter=bookings/feed&courseId=${encodeURIComponent(course._id)}&since=${encodeURIComponent(String(since))}`, {
        headers: service.headers,
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { results: { id: string }[]; last_seq: string };
    };
    const before = [await book(one, session._id), await book(two, session._id)];
    const first = await changes(one, 0);
    expect(first.results.map((change) => change.id).sort()).toEqual([...before].sort());
    const after = [await book(one, session._id), await book(two, session._id)];
    const resumed = await changes(two, first.last_seq);
    // A cluster may repeat a few changes after a switch (consumers apply them by _id and _rev), never skip one.
    const seen = new Set([...first.results, ...resumed.results].map((change) => change.id));
    expect([...seen].sort()).toEqual([...before, ...after].sort());
    for (const id of after) expect(resumed.results.map((change) => change.id)).toContain(id);
  });

  it('a PouchDB consumer behind a load balancer keeps its checkpoint across the switch', async () => {
    const { course, session } = await newSession(viaNode(0));
    const proxy = await switchableProxy(one.baseUrl);
    try {
      const local = memoryPouch();
      const pull = () => local.replicate.from(remotePouch(proxy.url, DB.bookings, service.headers), { filter: 'bookings/feed', query_params: { courseId: course._id } });
      const early = [await book(one, session._id), await book(one, session._id), await book(one, session._id)];
      expect((await pull()).docs_written).toBe(3);
      proxy.switchTo(two.baseUrl);
      const late = [await book(two, session._id), await book(one, session._id)];
      const resumed = await pull();
      expect(resumed.docs_written).toBe(2);
      expect((await local.allDocs()).rows.map((row) => row.id).sort()).toEqual([...early, ...late].sort());
    } finally {
      proxy.server.close();
    }
  });
});

describe("Apache CouchDB's own replicator as a consumer of the feeds", () => {
  let consumer: CouchNode;
  let consumerDir: string;
  const consumerAdmin = { name: 'admin', password: randomBytes(18).toString('base64url') };
  beforeAll(async () => {
    consumerDir = mkdtempSync(join(tmpdir(), 'rft-consumer-'));
    consumer = await startCouchNode({
      release: spec.release,
      home: spec.release.home,
      dataDir: consumerDir,
      adminPassword: consumerAdmin.password,
      epmdPort: spec.epmdPort,
      name: 'rftconsumer',
    });
  });
  afterAll(async () => {
    await consumer?.stop();
    rmSync(consumerDir, { recursive: true, force: true });
  });

  /** One session of the replication's history, as POST /_replicate answers it. */
  interface ReplicationSession {
    session_id: string;
    start_last_seq: unknown;
    docs_read: number;
    doc_write_failures: number;
  }

  /**
   * POST /_replicate on the consumer's CouchDB, source the gateway's /db with the service's basic
   * auth, through the feed's documented filter (our design documents are not the consumer's).
   */
  async function replicate(baseUrl: string, account: Account, db: string, target: string) {
    const source = new URL(`${baseUrl}/db/${db}`);
    source.username = account.name;
    source.password = account.password;
    const response = await fetch(`${consumer.url}/_replicate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basicAuth(consumerAdmin) },
      body: JSON.stringify({ source: source.toString(), target: `${consumer.url.replace('//', `//${consumerAdmin.name}:${consumerAdmin.password}@`)}/${target}`, create_target: true, filter: FEED_FILTERS[db] }),
    });
    const body = (await response.json()) as { ok?: boolean; session_id?: string; source_last_seq?: unknown; history?: ReplicationSession[]; reason?: string };
    expect(response.status, JSON.stringify(body)).toBe(200);
    return body;
  }

  const FEED_FILTERS: Record<string, string> = { [DB.bookings]: 'bookings/feed', [DB.catalog]: 'catalog/window' };

  const copiedIds = async (target: string) => {
    const response = await fetch(`${consumer.url}/${target}/_all_docs`, { headers: { authorization: basicAuth(consumerAdmin) } });
    return ((await response.json()) as { rows: { id: string }[] }).rows.map((row) => row.id).filter((id) => !id.startsWith('_design/'));
  };

  const sourceIds = async (couch: TestCouch, db: string) => {
    const response = await fetch(`${couch.url}/${db}/_all_docs`, { headers: { authorization: basicAuth(couch.sync) } });
    const inFeed = db === DB.bookings ? /^booking:/ : /^(course|session):/;
    return ((await response.json()) as { rows: { id: string }[] }).rows.map((row) => row.id).filter((id) => inFeed.test(id));
  };

  async function copiesAndResumes(stack: Stack, couch: TestCouch, account: Account, cookie: string) {
    const target = `copy_${randomBytes(4).toString('hex')}`;
    const { session } = await newSession(couch);
    for (let i = 0; i < 3; i++) await book(stack, session._id, cookie);
    const first = await replicate(stack.baseUrl, account, DB.bookings, target);
    expect(first.history?.[0]?.doc_write_failures).toBe(0);
    expect((await copiedIds(target)).sort()).toEqual((await sourceIds(couch, DB.bookings)).sort());

    const later = [await book(stack, session._id, cookie), await book(stack, session._id, cookie)];
    const resumed = await replicate(stack.baseUrl, account, DB.bookings, target);
    // From the checkpoint: the new session follows the first one in the history and starts at its last
    // sequence. A resumed session's counts carry on from the previous one's, so only the two new
    // bookings were read when they grew by two.
    expect(resumed.history?.[1]?.session_id).toBe(first.session_id);
    expect(resumed.history?.[0]?.start_last_seq).toEqual(first.source_last_seq);
    expect(resumed.history![0]!.docs_read - first.history![0]!.docs_read).toBe(2);
    expect(await copiedIds(target)).toEqual(expect.arrayContaining(later));
    expect((await copiedIds(target)).sort()).toEqual((await sourceIds(couch, DB.bookings)).sort());

    const catalog = await replicate(stack.baseUrl, account, DB.catalog, `${target}_catalog`);
    expect(catalog.history?.[0]?.doc_write_failures).toBe(0);
    expect((await copiedIds(`${target}_catalog`)).sort()).toEqual((await sourceIds(couch, DB.catalog)).sort());
  }

  it('copies /db/rft_bookings and /db/rft_catalog completely from the cluster behind the gateway, and resumes', async () => {
    await copiesAndResumes(one, viaNode(0), service, customer);
  });

  describe('with the embedded engine behind the gateway', () => {
    let embedded: RunningTestCouch;
    let stack: Stack;
    beforeAll(async () => {
      embedded = await startTestCouch({ engine: 'embedded' });
      stack = await listenTestApp({}, embedded);
    });
    afterAll(async () => {
      await stack?.app.close();
      await embedded?.stop();
    });

    // As above, on the embedded engine.
    it('copies both feeds completely, and resumes', async () => {
      const account = await newServiceAccount(embedded);
      await copiesAndResumes(stack, embedded, account, (await signUp(stack.app)).cookie);
    });
  });
});
