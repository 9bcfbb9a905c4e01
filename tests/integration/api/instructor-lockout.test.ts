import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { basicAuth, couchAs, userDocId } from '../../../couch/client';
import { ROLES } from '../../../domain/databases';
import { buildTestApp, uniqueEmail, type TestApp } from '../../helpers/build-app';

// An instructor of its own: were the lockout to bite, it must not lock out other files' instructor.
const instructor = { email: uniqueEmail('instructor'), password: 'the-real-instructor-password' };
const couch = inject('couch');
let app: TestApp;

beforeAll(async () => {
  // The production limits, not the generous ones other tests use.
  app = await buildTestApp({ loginRateLimitPerMinute: 20, loginFailuresPerAccount: 5 });
  await couchAs(couch.url, couch.admin)
    .use('_users')
    .insert({ _id: userDocId(instructor.email), type: 'user', name: instructor.email, password: instructor.password, roles: [ROLES.instructor] } as never);
});
afterAll(() => app.close());

const logIn = (remoteAddress: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email: instructor.email, password } });

it("50 failed log-ins for the instructor's email from one client do not stop the instructor on another", async () => {
  const stranger: number[] = [];
  for (let i = 0; i < 50; i++) stranger.push((await logIn('198.51.100.7', `guess-number-${i}`)).statusCode);
  expect(stranger.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(new Set(stranger.slice(5))).toEqual(new Set([429]));
  expect((await logIn('203.0.113.20', instructor.password)).statusCode).toBe(200);
});

it("CouchDB itself never locks the account: every log-in reaches it from the sync-server's address", async () => {
  for (let i = 0; i < 25; i++) {
    const session = await fetch(`${couch.url}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: instructor.email, password: `guess-number-${i}` }),
    });
    expect(session.status).toBe(401);
    const basic = await fetch(`${couch.url}/_session`, { headers: { authorization: basicAuth({ name: instructor.email, password: `guess-${i}` }) } });
    expect(basic.status).toBe(401);
  }
  expect((await logIn('203.0.113.21', instructor.password)).statusCode).toBe(200);
});
