import { describe, expect, it } from 'vitest';
import { readPage, type PagePosition, type PageSource, type ViewRow } from '../../../sync-server/lists/read-page';

/** An in-memory view: sorted unique keys, read as CouchDB would (from a start key, included, at most `count`). */
function memoryView(keys: string[], itemsOf: (key: string) => string[] = (key) => [key]) {
  const reads: number[] = [];
  const source: PageSource<string> = {
    rows: async (start, count) => {
      const sorted = [...keys].sort();
      const from = start === undefined ? 0 : sorted.findIndex((key) => key >= (start as string));
      const rows: ViewRow[] = (from < 0 ? [] : sorted.slice(from, from + count)).map((key) => ({ key }));
      reads.push(rows.length);
      return rows;
    },
    items: async (rows) => rows.map((row) => itemsOf(row.key as string)),
  };
  return { source, reads };
}

async function everyPage(source: PageSource<string>, limit: number) {
  const pages: string[][] = [];
  let after: PagePosition | null = null;
  do {
    const page: { items: string[]; next: PagePosition | null } = await readPage(source, limit, after);
    pages.push(page.items);
    after = page.next;
  } while (after);
  return pages;
}

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${String(i).padStart(4, '0')}`);

describe('readPage', () => {
  it('pages through every row once, in order, and says when the last page is reached', async () => {
    const { source } = memoryView(keys(25));
    const pages = await everyPage(source, 10);
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(keys(25));
  });

  it('ends with next null when the last page is exactly full', async () => {
    const { source } = memoryView(keys(20));
    expect((await everyPage(source, 10)).map((page) => page.length)).toEqual([10, 10]);
  });

  it('fills a page past rows a filter leaves out', async () => {
    const { source } = memoryView(keys(300), (key) => (Number(key.slice(1)) % 7 === 0 ? [key] : []));
    const pages = await everyPage(source, 10);
    expect(pages.flat()).toEqual(keys(300).filter((key) => Number(key.slice(1)) % 7 === 0));
    expect(pages.slice(0, -1).every((page) => page.length === 10)).toBe(true);
  });

  it('answers a short page with a cursor rather than read more than 1,000 rows', async () => {
    const { source, reads } = memoryView(keys(5_000), (key) => (key === 'k4999' ? [key] : []));
    const first = await readPage(source, 10, null);
    expect(first.items).toEqual([]);
    expect(first.next).not.toBeNull();
    expect(reads.reduce((sum, n) => sum + n, 0)).toBeLessThan(1_100);
    expect((await everyPage(source, 10)).flat()).toEqual(['k4999']);
  });

  it('reads ever larger batches while a filter leaves out every row, so a sparse page costs few reads', async () => {
    const { source, reads } = memoryView(keys(5_000), (key) => (key === 'k4999' ? [key] : []));
    const first = await readPage(source, 10, null);
    expect(first.items).toEqual([]);
    // 50, 100, 200, 400 and the 250 left of the 1,000 rows a page reads at most; each read also
    // asks one row more, and each after the first the row it starts from.
    expect(reads).toEqual([51, 102, 202, 402, 252]);
  });

  it('reads about what the page still needs at the rate rows gave items, not twice the batch', async () => {
    const { source, reads } = memoryView(keys(1_000), (key) => (Number(key.slice(1)) % 2 === 0 ? [key] : []));
    const page = await readPage(source, 100, null);
    expect(page.items).toHaveLength(100);
    expect(reads).toEqual([101, 102]);
  });

  it('splits a row with several items across pages without a gap or a repeat', async () => {
    const { source } = memoryView(keys(4), (key) => [`${key}.a`, `${key}.b`, `${key}.c`]);
    const pages = await everyPage(source, 5);
    expect(pages.map((page) => page.length)).toEqual([5, 5, 2]);
    expect(pages.flat()).toEqual(keys(4).flatMap((key) => [`${key}.a`, `${key}.b`, `${key}.c`]));
  });

  it('starts after the last row sent even when that row is gone and others were added', async () => {
    const list = keys(10);
    const { source } = memoryView(list);
    const first = await readPage(source, 4, null);
    expect(first.items).toEqual(list.slice(0, 4));
    list.splice(3, 1);
    list.push('k0002a', 'k0003a');
    const second = await readPage(source, 4, first.next);
    expect(second.items).toEqual(['k0003a', 'k0004', 'k0005', 'k0006']);
  });
});
