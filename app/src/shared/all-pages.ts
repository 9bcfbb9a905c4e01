import { apiRequest } from './api-client';

/** Every item of a paged API list: asks for the pages one after another until `next` is null. */
export async function allPages<T>(path: string, readPage: (body: unknown) => { items: T[]; next: string | null }): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const url: string = cursor ? `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : path;
    const page = readPage(await apiRequest(url));
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}
