import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The embedded server's own modules, as its child process loads them, with the project's fixes first.
const require = createRequire(import.meta.url);
require('../../../couch/embedded/embedded-fixes.cjs');
const fromServer = createRequire(require.resolve('pouchdb-server/package.json'));
const fromExpressPouchdb = createRequire(fromServer.resolve('express-pouchdb/package.json'));
const authDatabases = (fromExpressPouchdb('pouchdb-auth/lib/utils.js') as { dbData: { dbs: unknown[] } }).dbData.dbs;

const USER = { name: 'logins@test.example', password: 'a-long-enough-password' };

describe('log-ins on the embedded server', () => {
  const logDir = mkdtempSync(join(tmpdir(), 'rft-logins-'));
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const PouchDB = fromServer('pouchdb-core').plugin(fromServer('pouchdb-adapter-memory')).plugin(fromServer('pouchdb-mapreduce')).plugin(fromServer('pouchdb-replication'));
    const app = fromServer('express-pouchdb')(PouchDB.defaults({ adapter: 'memory' }), { inMemoryConfig: true, mode: 'fullCouchDB', logPath: join(logDir, 'log.txt') });
    server = await new Promise((resolve) => {
      const listening: Server = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const created = await fetch(`${url}/_users/org.couchdb.user:${encodeURIComponent(USER.name)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...USER, type: 'user', roles: [] }),
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(logDir, { recursive: true, force: true });
  });

  const logIn = (password: string) =>
    fetch(`${url}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: USER.name, password }) });

  it('share one _users database object instead of keeping a new one for every log-in', async () => {
    expect((await logIn(USER.password)).status).toBe(200);
    const after = authDatabases.length;
    for (let i = 0; i < 20; i++) expect((await logIn(i % 4 ? USER.password : 'wrong-password')).status).toBe(i % 4 ? 200 : 401);
    expect(authDatabases).toHaveLength(after);
  });
});
