import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

const expectJsonError = (response: { statusCode: number; json(): Record<string, unknown> }, status: number, error: string) => {
  expect(response.statusCode).toBe(status);
  const body = response.json();
  expect(body.error).toBe(error);
  expect(typeof body.message).toBe('string');
  expect(String(body.message)).toMatch(/^[A-Z].*\.$/);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
};

const logInWithRawBody = (contentType: string, payload: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': contentType }, payload });

describe('API errors are JSON {error, message}', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    expectJsonError(await logInWithRawBody('application/json', '{"email": "a@b.c",'), 400, 'invalid_json');
  });

  it('a body over 64 KiB → 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'big@test.example', password: 'x'.repeat(70 * 1024), name: 'Big' },
    });
    expectJsonError(response, 413, 'payload_too_large');
  });

  it('an unknown route → 404', async () => {
    expectJsonError(await app.inject({ method: 'GET', url: '/api/nothing-here' }), 404, 'not_found');
    expectJsonError(await app.inject({ method: 'DELETE', url: '/api/auth/me' }), 404, 'not_found');
  });

  it('a failed schema → 400 invalid_request naming the field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 42 } });
    expectJsonError(response, 400, 'invalid_request');
    expect(response.json().fields.map((f: { field: string }) => f.field)).toEqual(['email', 'password']);
  });

  it('a form-encoded body → 415 with a JSON error', async () => {
    expectJsonError(await logInWithRawBody('application/x-www-form-urlencoded', 'email=a'), 415, 'unsupported_media_type');
  });

  it('stays up after bad input', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
  });
});
