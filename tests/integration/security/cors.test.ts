import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DB } from '../../../domain/databases';
import type { Caller } from '../../../sync-server/db-proxy/access';
import { listenTestApp } from '../../helpers/listen';
import { callerHeaders } from './callers';

let stack: Awaited<ReturnType<typeof listenTestApp>>;
let headers: Record<Caller, Record<string, string>>;
beforeAll(async () => {
  stack = await listenTestApp();
  headers = await callerHeaders(stack.app, inject('couch'));
});
afterAll(() => stack.app.close());

const corsHeaders = (response: Response): string[] => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

// Issue 11, found 5: `Origin: https://evil.example` was answered with Access-Control-Allow-Origin
// and Access-Control-Allow-Credentials. The PWA is same-origin: no CORS anywhere.
it('answers no request from another origin with CORS headers, on /db or /api, preflight or not', async () => {
  const origin = { origin: 'https://evil.example' };
  const requests: [string, string, Record<string, string>][] = [
    ['GET', '/db/', {}],
    ['GET', `/db/${DB.catalog}/`, {}],
    ['GET', `/db/${DB.catalog}/_changes?limit=1`, {}],
    ['GET', `/db/${DB.bookings}/`, headers.instructor],
    ['GET', `/db/${DB.bookings}/_changes?limit=1`, headers.service],
    ['GET', `/db/${DB.attendance}/_all_docs?limit=1`, headers.instructor],
    ['OPTIONS', `/db/${DB.catalog}/`, { 'access-control-request-method': 'GET', 'access-control-request-headers': 'content-type' }],
    ['OPTIONS', `/db/${DB.bookings}/_changes`, { 'access-control-request-method': 'GET' }],
    ['GET', '/api/health', {}],
    ['GET', '/api/auth/me', headers.customer],
    ['OPTIONS', '/api/bookings', { 'access-control-request-method': 'POST' }],
  ];
  for (const [method, path, extra] of requests) {
    const response = await fetch(`${stack.baseUrl}${path}`, { method, headers: { ...origin, ...extra } });
    expect(corsHeaders(response), `${method} ${path}`).toEqual([]);
    if (method === 'GET' && path.startsWith('/db/')) expect(response.status, path).toBe(200);
    await response.body?.cancel();
  }
});
