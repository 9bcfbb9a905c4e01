import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { useBrowserStack } from '../helpers/stack';
import { SessionsPage } from './pages/sessions-page';

const stack = useBrowserStack();
const title = `Saved Copy First Aid ${Date.now()}`;
let fixture: Awaited<ReturnType<typeof insertCourseWithSession>>;

beforeAll(async () => {
  fixture = await insertCourseWithSession(inject('couch'), { title, start: new Date(Date.UTC(2035, 2, 6, 8, 0)), location: 'A' });
});

interface StoredCopy {
  format: number;
  seq: number | string;
  docs: string;
}

/** Runs `change` on the device's saved catalog copy (its own IndexedDB database) and stores the result. */
const editSavedCopy = (page: Page, sessionId: string, change: { location?: string; seq?: number }): Promise<void> =>
  page.evaluate(
    ([id, edit]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rft_saved_catalog');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('copies', 'readwrite').objectStore('copies');
          const read = store.get('catalog');
          read.onsuccess = () => {
            const copy = read.result as StoredCopy;
            const docs = (JSON.parse(copy.docs) as { _id: string; location?: string }[]).map((doc) =>
              doc._id === id && edit.location ? { ...doc, location: edit.location } : doc,
            );
            const write = store.put({ ...copy, docs: JSON.stringify(docs), seq: edit.seq ?? copy.seq }, 'catalog');
            write.onsuccess = () => resolve();
            write.onerror = () => reject(write.error);
          };
        };
      }),
    [sessionId, change] as const,
  );

const savedCopyHolds = (page: Page, sessionId: string): Promise<boolean> =>
  page.evaluate(
    (id) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('rft_saved_catalog');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains('copies')) return resolve(false);
          const read = open.result.transaction('copies').objectStore('copies').get('catalog');
          read.onsuccess = () => resolve(typeof read.result?.docs === 'string' && (read.result.docs as string).includes(id));
          read.onerror = () => resolve(false);
        };
      }),
    sessionId,
  );

const march = () => `view=agenda&course=${encodeURIComponent(fixture.course._id)}&from=2035-03-01&to=2035-03-31`;

/** A device that has synced the catalog and saved its copy. */
async function savedDevice(options: Parameters<typeof stack.browser.newContext>[0] = {}) {
  const context = await stack.browser.newContext(options);
  const sessions = new SessionsPage(await context.newPage());
  await sessions.goto(stack.baseUrl, march());
  await sessions.sessionLinks(title).waitFor({ timeout: 30_000 });
  await sessions.page.locator('.sync-status[data-state="up-to-date"]').waitFor({ timeout: 30_000 });
  // Saved once sync has been quiet for a second.
  await expect.poll(() => savedCopyHolds(sessions.page, fixture.session._id), { timeout: 15_000 }).toBe(true);
  return { context, sessions };
}

it('a reopened device draws the calendar from its saved copy, then applies what its database holds since the copy’s sequence', async () => {
  const { context, sessions } = await savedDevice();

  // A copy that disagrees with the device's PouchDB: what the reopened calendar shows says which it read.
  await editSavedCopy(sessions.page, fixture.session._id, { location: 'B' });
  await sessions.page.reload();
  await expect.poll(() => sessions.sessionLinks(title).textContent(), { timeout: 20_000 }).toContain('Location B');

  // The copy claims to reflect nothing: every change in the device's PouchDB since then is applied on top.
  await editSavedCopy(sessions.page, fixture.session._id, { location: 'B', seq: 0 });
  await sessions.page.reload();
  await expect.poll(() => sessions.sessionLinks(title).textContent(), { timeout: 20_000 }).toContain('Location A');
  await context.close();
});

/**
 * Holds back the catalog worker's script until the answer is called. Only on a device without a
 * service worker: one would serve the script before the page's route sees it.
 */
async function holdCatalogWorker(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/catalog\.worker[^/]*\.js/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

it('while the catalog worker is still starting, a reopened page draws the dates it last showed, and counts once the catalog is in', async () => {
  const { context, sessions } = await savedDevice({ serviceWorkers: 'block' });
  const releaseWorker = await holdCatalogWorker(sessions.page);
  await sessions.page.reload();
  await expect.poll(() => sessions.sessionLinks(title).textContent(), { timeout: 20_000 }).toContain('Location A');
  // Only the dates on screen: the count waits for the whole catalog, which only the worker has.
  expect(await sessions.matchCount.textContent()).toBe('Loading course dates…');
  releaseWorker();
  await expect.poll(() => sessions.matchCount.textContent(), { timeout: 20_000 }).toBe('1 session matches.');
  await context.close();
});

it('a first screen saved for other dates is not drawn: those dates wait for the catalog', async () => {
  const { context, sessions } = await savedDevice({ serviceWorkers: 'block' });
  const releaseWorker = await holdCatalogWorker(sessions.page);
  // The page is left showing March, then opened on February to April.
  await sessions.page.goto('about:blank');
  await sessions.goto(stack.baseUrl, `view=agenda&course=${encodeURIComponent(fixture.course._id)}&from=2035-02-01&to=2035-04-30`);
  await sessions.page.locator('.session-calendar').waitFor({ timeout: 20_000 });
  expect(await sessions.sessionLinks(title).count()).toBe(0);
  releaseWorker();
  await expect.poll(() => sessions.sessionLinks(title).textContent(), { timeout: 20_000 }).toContain('Location A');
  await context.close();
});
