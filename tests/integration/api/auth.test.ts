import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, logIn, signUp, uniqueEmail, type TestApp } from '../../helpers/build-app';
import { INSTRUCTOR } from '../../helpers/test-couch';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

describe('POST /api/auth/signup', () => {
  it('creates a customer, answers 201 with the user and an HttpOnly SameSite=Lax cookie', async () => {
    const email = uniqueEmail();
    const response = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, password: 'long-enough-pw', name: 'Ada Lovelace' } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ user: { email, name: 'Ada Lovelace', roles: ['customer'] } });
    const cookie = response.cookies.find((c) => c.name === 'AuthSession');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('refuses a taken email with 409 email_taken', async () => {
    const { email } = await signUp(app);
    const response = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, password: 'another-password', name: 'Twin' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe('email_taken');
  });

  it('names the field at fault: a short password, a malformed email', async () => {
    const short = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: uniqueEmail(), password: 'short', name: 'A' } });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ error: 'invalid_request', fields: [{ field: 'password' }] });
    expect(short.json().message).toContain('password: Use at least 10 characters');
    const bad = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: 'not-an-email', password: 'long-enough-pw', name: 'A' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('email');
  });
});

describe('login, me, logout', () => {
  it('logs in, reads /me, logs out', async () => {
    const { email, password } = await signUp(app, uniqueEmail(), 'correct-horse-battery', 'Grace Hopper');
    const cookie = await logIn(app, email.toUpperCase(), password);
    const me = await app.inject(as(cookie, { method: 'GET', url: '/api/auth/me' }));
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: { email, name: 'Grace Hopper', roles: ['customer'] } });
    const out = await app.inject(as(cookie, { method: 'POST', url: '/api/auth/logout' }));
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'AuthSession')?.value).toBe('');
  });

  it('gives the same 401 for a wrong password and for an unknown email', async () => {
    const { email } = await signUp(app);
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'wrong-password' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: uniqueEmail('nobody'), password: 'wrong-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toBe('invalid_credentials');
  });

  it('answers 401 on /me without a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('logs the instructor in with the instructor role', async () => {
    const cookie = await logIn(app, INSTRUCTOR.email, INSTRUCTOR.password);
    const me = await app.inject(as(cookie, { method: 'GET', url: '/api/auth/me' }));
    expect(me.json().user.roles).toEqual(['instructor']);
  });
});

describe('login rate limits', () => {
  it('locks an account after repeated failures from one address, for that address only', async () => {
    const strict = await buildTestApp({ loginFailuresPerAccount: 3 });
    const { email, password } = await signUp(strict);
    const logIn = (remoteAddress: string, pass: string) =>
      strict.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password: pass } });
    for (let i = 0; i < 3; i++) expect((await logIn('192.0.2.1', 'wrong-password')).statusCode).toBe(401);
    const locked = await logIn('192.0.2.1', password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('too_many_attempts');
    expect((await logIn('192.0.2.2', password)).statusCode).toBe(200);
    await strict.close();
  });

  it('limits log-in attempts per address', async () => {
    const strict = await buildTestApp({ loginRateLimitPerMinute: 2 });
    const payload = { email: uniqueEmail(), password: 'whatever-password' };
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await strict.inject({ method: 'POST', url: '/api/auth/login', payload })).statusCode);
    expect(codes).toEqual([401, 401, 429]);
    await strict.close();
  });
});
