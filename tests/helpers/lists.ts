import type { TestApp } from './build-app';

/** The URL of the page after one whose body named `next`. */
export const nextPage = (url: string, next: string): string => `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(next)}`;

/** Every page of a list from the first (or the one `cursor` names), following `next` until it is null; throws on any answer but 200. */
export async function allPages(app: TestApp, url: string, headers: Record<string, string> = {}, cursor: string | null = null): Promise<Record<string, unknown>[]> {
  const pages: Record<string, unknown>[] = [];
  let next = cursor;
  do {
    const response = await app.inject({ method: 'GET', url: next ? nextPage(url, next) : url, headers });
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
    const page = response.json() as Record<string, unknown> & { next: string | null };
    pages.push(page);
    next = page.next;
  } while (next);
  return pages;
}

/** Every item of a list: the `key` array of each page, in order. */
export async function listAll<T>(app: TestApp, url: string, key: string, headers: Record<string, string> = {}, cursor: string | null = null): Promise<T[]> {
  return (await allPages(app, url, headers, cursor)).flatMap((page) => page[key] as T[]);
}
