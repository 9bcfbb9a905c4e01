import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import type { TestApp } from '../../helpers/build-app';
import { listenTestApp } from '../../helpers/listen';

let app: TestApp;
let baseUrl: string;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'rft-headers-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>RFT</title>');
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"React Fast Training"}');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  ({ app, baseUrl } = await listenTestApp({ staticDir: root }));
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

const directives = (csp: string | null): Record<string, string> =>
  Object.fromEntries((csp ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...values]) => [name!, values.join(' ')]));

function expectSecurityHeaders(headers: Headers, what: string) {
  expect(directives(headers.get('content-security-policy')), what).toEqual({
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self'",
    'font-src': "'self'",
    'connect-src': "'self'",
    'worker-src': "'self'",
    'manifest-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  });
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(headers.get('cross-origin-resource-policy'), what).toBe('same-origin');
  expect(headers.get('x-powered-by'), what).toBeNull();
}

it('sets the security headers on the app, its assets and the service worker, and on app routes served the shell', async () => {
  for (const [path, accept] of [['/', 'text/html'], ['/some/app/route', 'text/html'], ['/sw.js', '*/*'], ['/manifest.webmanifest', '*/*'], ['/assets/index-abc123.js', '*/*']] as const) {
    const response = await fetch(`${baseUrl}${path}`, { headers: { accept } });
    expect(response.status, path).toBe(200);
    expectSecurityHeaders(response.headers, path);
  }
});

it('sets them on API answers, API errors and 404s', async () => {
  const requests: [string, RequestInit, number][] = [
    ['/api/courses', {}, 200],
    ['/api/health', {}, 200],
    ['/api/auth/me', {}, 401],
    ['/api/nothing-here', {}, 404],
    ['/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' }, 400],
    ['/missing.js', {}, 404],
  ];
  for (const [path, init, status] of requests) {
    const response = await fetch(`${baseUrl}${path}`, init);
    expect(response.status, path).toBe(status);
    expectSecurityHeaders(response.headers, path);
  }
});

it('sets them on the event stream, which writes its own head', async () => {
  const response = await fetch(`${baseUrl}/api/events`, { headers: { accept: 'text/event-stream' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  expectSecurityHeaders(response.headers, '/api/events');
  await response.body!.cancel();
});

it('sets them on /db answers proxied from CouchDB and on the ones the gateway refuses', async () => {
  for (const [path, status] of [[`/db/${DB.catalog}`, 200], [`/db/${DB.catalog}/course:does-not-exist`, 404], [`/db/${DB.attendance}`, 401]] as const) {
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status, path).toBe(status);
    expectSecurityHeaders(response.headers, path);
  }
});
