/**
 * npm run bench:auth [-- --engine embedded|couchdb --repeat 20]
 * What password hashing costs behind the sync-server (Apache CouchDB 3.4 hashes with PBKDF2-SHA256 at
 * 600,000 iterations): a service account's first basic-auth request through /db (one full hash),
 * the same request repeated (CouchDB caches a verified password), and log-ins right and wrong.
 */
import { parseArgs } from 'node:util';
import { basicAuth, couchAs } from '../../couch/client';
import { DB } from '../../domain/databases';
import { createServiceAccount } from '../../sync-server/accounts/service-accounts';
import { benchStack, deadline } from './engine';

const { values } = parseArgs({ options: { engine: { type: 'string', default: 'embedded' }, repeat: { type: 'string', default: '20' } } });
const REPEAT = Number(values.repeat);
const DEADLINE_MS = 3 * 60_000;

const round = (value: number): number => Math.round(value * 10) / 10;

async function times(count: number, request: () => Promise<Response>, expected: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const response = await request();
    await response.arrayBuffer();
    result.push(performance.now() - start);
    if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}`);
  }
  return result;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  deadline('bench:auth', DEADLINE_MS);
  const { couch, app } = await benchStack(values.engine, { loginFailuresPerAccount: 1_000_000 });
  try {
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const email = `bench-${Date.now()}@test.example`;
    const password = 'a-customer-password';
    const signup = await fetch(`${baseUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, name: 'Bench Customer' }),
    });
    if (signup.status !== 201) throw new Error(`signup: ${signup.status}`);
    const login = (pass: string) => () =>
      fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: pass }) });
    const service = await createServiceAccount(couchAs(couch.url, couch.admin), `bench-${Date.now().toString(36)}`);
    const feed = () => fetch(`${baseUrl}/db/${DB.bookings}`, { headers: { authorization: basicAuth(service!) } });

    const [firstFeed] = await times(1, feed, 200);
    const feeds = await times(REPEAT, feed, 200);
    const logins = await times(REPEAT, login(password), 200);
    const wrong = await times(Math.min(REPEAT, 10), login('not-the-password'), 401);
    const rows = {
      'service basic auth via /db, first request': { ms: round(firstFeed!) },
      'service basic auth via /db, repeated (median)': { ms: round(median(feeds)) },
      'log-in, repeated (median)': { ms: round(median(logins)) },
      'log-in with a wrong password (median)': { ms: round(median(wrong)) },
    };
    console.log(`engine: ${couch.engine}`);
    console.table(rows);
  } finally {
    await app.close();
    await couch.stop();
  }
}

await main();
