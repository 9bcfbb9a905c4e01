import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allPages } from '../../../app/src/shared/all-pages';

// A list of seven items served two at a time; the cursor is the index of the next item.
let server: Server;
let base: string;
const asked: string[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.url!);
    const start = Number(new URL(request.url!, 'http://x').searchParams.get('cursor') ?? 0);
    const items = [1, 2, 3, 4, 5, 6, 7].slice(start, start + 2);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ items, next: start + 2 < 7 ? String(start + 2) : null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('asks for every page in turn with the same query and the cursor of the one before', async () => {
  const items = await allPages(`${base}/list?limit=2`, (body) => body as { items: number[]; next: string | null });
  expect(items).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(asked).toEqual(['/list?limit=2', '/list?limit=2&cursor=2', '/list?limit=2&cursor=4', '/list?limit=2&cursor=6']);
});
