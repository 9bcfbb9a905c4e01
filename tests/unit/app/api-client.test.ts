import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiError, apiRequest } from '../../../app/src/shared/api-client';

// A real HTTP server that is "unavailable" for the first `down` requests of each path.
let server: Server;
let base: string;
const seen = new Map<string, number>();
beforeAll(async () => {
  server = createServer((request, response) => {
    const count = (seen.get(request.url!) ?? 0) + 1;
    seen.set(request.url!, count);
    const down = Number(new URL(request.url!, 'http://x').searchParams.get('down'));
    if (count <= down) {
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
      return response.end(JSON.stringify({ error: 'unavailable', message: 'The database is not reachable right now.' }));
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true, count }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('a read retries by itself after Retry-After while the server is unavailable', async () => {
  const started = Date.now();
  await expect(apiRequest(`${base}/read?down=1`)).resolves.toEqual({ ok: true, count: 2 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
});

it('gives up after a couple of tries and says why, with when to try again', async () => {
  const error = await apiRequest(`${base}/long?down=5`).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 503, code: 'unavailable', message: 'The database is not reachable right now.', retryAfterMs: 1000 });
  expect(seen.get('/long?down=5')).toBe(3);
}, 10_000);

it('a write without an Idempotency-Key is never sent twice', async () => {
  const error = await apiRequest(`${base}/write?down=1`, { method: 'POST', body: {} }).catch((e: unknown) => e);
  expect(error).toMatchObject({ status: 503, retryAfterMs: 1000 });
  expect(seen.get('/write?down=1')).toBe(1);
  await expect(apiRequest(`${base}/keyed?down=1`, { method: 'POST', body: {}, headers: { 'Idempotency-Key': 'k' } })).resolves.toEqual({ ok: true, count: 2 });
});
