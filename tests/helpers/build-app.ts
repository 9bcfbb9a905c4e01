import type { InjectOptions } from 'fastify';
import { afterAll, inject } from 'vitest';
import { buildApp, type AppOptions } from '../../sync-server/app';
import { INSTRUCTOR, type TestCouch } from './test-couch';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export function appOptions(couch: TestCouch = inject('couch'), overrides: Partial<AppOptions> = {}): AppOptions {
  return {
    couchUrl: couch.url,
    admin: couch.admin,
    sync: couch.sync,
    travelBufferMinutes: 60,
    // Each integration file schedules in its own window decades ahead (see schedule-window.ts).
    scheduleHorizonYears: 100,
    loginRateLimitPerMinute: 10_000,
    loginFailuresPerAccount: 1_000,
    ...overrides,
  };
}

/** Builds the real app against the shared test server; close it in afterAll. */
export async function buildTestApp(overrides: Partial<AppOptions> = {}, couch?: TestCouch): Promise<TestApp> {
  const app = await buildApp(appOptions(couch, overrides));
  await app.ready();
  return app;
}

/**
 * The app for this test file with the instructor logged in, closed after the file's tests.
 * Awaited at the top of the file, so every test and hook of the file can use both as constants.
 */
export async function instructorApp(overrides: Partial<AppOptions> = {}): Promise<{ app: TestApp; instructor: string }> {
  const app = await buildTestApp(overrides);
  afterAll(() => app.close());
  return { app, instructor: await logIn(app, INSTRUCTOR.email, INSTRUCTOR.password) };
}

let counter = 0;
export const uniqueEmail = (label = 'customer'): string =>
  `${label}-${process.pid}-${Date.now()}-${++counter}@test.example`;

/** The `Cookie` header value for a logged-in session. */
export function sessionCookie(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name === 'AuthSession');
  if (!cookie) throw new Error('No session cookie in the response');
  return `AuthSession=${cookie.value}`;
}

export async function signUp(app: TestApp, email = uniqueEmail(), password = 'correct-horse-battery', name = 'Test Customer') {
  const response = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, password, name } });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.body}`);
  return { email, password, cookie: sessionCookie(response) };
}

export async function logIn(app: TestApp, email: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  return sessionCookie(response);
}

export const as = (cookie: string, options: InjectOptions): InjectOptions => ({
  ...options,
  headers: { ...options.headers, cookie },
});
