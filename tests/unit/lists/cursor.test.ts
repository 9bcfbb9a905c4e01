import { describe, expect, it } from 'vitest';
import { ListCursors, listCursorKey, type PageRequest } from '../../../sync-server/lists/cursor';
import type { PageSource } from '../../../sync-server/lists/read-page';

const cursors = new ListCursors(listCursorKey({ name: 'rft_sync_server', password: 'one-secret' }));
const others = new ListCursors(listCursorKey({ name: 'rft_sync_server', password: 'another-secret' }));

const letters = 'abcdefghij'.split('');
const source: PageSource<string> = {
  rows: async (start, count) => letters.filter((key) => start === undefined || key >= (start as string)).slice(0, count).map((key) => ({ key })),
  items: async (rows) => rows.map((row) => [row.key as string]),
};
const request = (cursor?: string, changes: Partial<PageRequest> = {}): PageRequest => ({
  list: 'letters',
  filters: { from: undefined, location: 'A' },
  caller: 'pat@example.com',
  cursor,
  ...changes,
});

describe('list cursors', () => {
  it('continue a list from where its page ended, keeping the scope the first page settled', async () => {
    let settled = 0;
    const freshScope = () => ({ window: ++settled });
    const first = await cursors.page(request(), 4, freshScope, () => source);
    expect(first).toMatchObject({ items: ['a', 'b', 'c', 'd'], scope: { window: 1 } });
    const second = await cursors.page(request(first.next!), 4, freshScope, () => source);
    expect(second).toMatchObject({ items: ['e', 'f', 'g', 'h'], scope: { window: 1 } });
    const last = await cursors.page(request(second.next!), 4, freshScope, () => source);
    expect(last).toMatchObject({ items: ['i', 'j'], next: null });
  });

  it('work for a list whose pages settle no scope', async () => {
    const first = await cursors.page(request(), 6, () => undefined, () => source);
    expect((await cursors.page(request(first.next!), 6, () => undefined, () => source)).items).toEqual(['g', 'h', 'i', 'j']);
  });

  it('carry no email address: they travel in URLs and logs', async () => {
    const { next } = await cursors.page(request(), 2, () => ({}), () => source);
    expect(Buffer.from(next!.split('.')[0]!, 'base64url').toString()).not.toContain('pat@example.com');
  });

  it('are refused (400) for another list, other filters, another caller, another key, or when altered', async () => {
    const { next } = await cursors.page(request(), 2, () => ({}), () => source);
    const [payload, signature] = next!.split('.') as [string, string];
    const altered = `${Buffer.from(Buffer.from(payload, 'base64url').toString().replace('"b"', '"a"')).toString('base64url')}.${signature}`;
    const refused = [
      () => cursors.page(request(next!, { list: 'other' }), 2, () => ({}), () => source),
      () => cursors.page(request(next!, { filters: { location: 'B' } }), 2, () => ({}), () => source),
      () => cursors.page(request(next!, { caller: 'sam@example.com' }), 2, () => ({}), () => source),
      () => others.page(request(next!), 2, () => ({}), () => source),
      () => cursors.page(request(altered), 2, () => ({}), () => source),
      () => cursors.page(request('not-a-cursor'), 2, () => ({}), () => source),
    ];
    for (const attempt of refused) {
      await expect(attempt()).rejects.toMatchObject({ statusCode: 400, code: 'invalid_request', details: { fields: [{ field: 'cursor' }] } });
    }
  });
});
