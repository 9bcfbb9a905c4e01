import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, uniqueEmail, type TestApp } from '../../helpers/build-app';
import { serverLogger } from '../../../sync-server/logger';

const lines: string[] = [];
let app: TestApp;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  app = await buildTestApp({ logger: { ...serverLogger('trace'), stream } });
});
afterAll(() => app.close());

it('never writes passwords, session cookies or basic credentials to the log', async () => {
  const email = uniqueEmail();
  const password = 'never-in-the-log-123';
  const signup = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, password, name: 'Logged' } });
  const cookie = signup.cookies.find((c) => c.name === 'AuthSession')!.value;
  await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'wrong-password-456' } });
  await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `AuthSession=${cookie}` } });
  const basic = Buffer.from(`${email}:${password}`).toString('base64');
  await app.inject({ method: 'GET', url: '/db/rft_catalog/', headers: { authorization: `Basic ${basic}` } });

  const log = lines.join('');
  expect(lines.length).toBeGreaterThan(5);
  for (const secret of [password, 'wrong-password-456', cookie, basic]) expect(log).not.toContain(secret);
});
