import { beforeAll, expect, inject, it } from 'vitest';
import { couchAs } from '../../couch/client';
import { DB } from '../../domain/databases';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { insertCourseWithSession, insertSessions } from '../helpers/catalog-fixtures';
import { useBrowserStack } from '../helpers/stack';
import { SessionsPage } from './pages/sessions-page';

const stack = useBrowserStack();
const title = `Snapshot Start First Aid ${Date.now()}`;
let fixture: Awaited<ReturnType<typeof insertCourseWithSession>>;

beforeAll(async () => {
  fixture = await insertCourseWithSession(inject('couch'), { title, start: new Date(Date.UTC(2034, 5, 6, 8, 0)), location: 'A' });
});

it('a new device starts from the catalog snapshot, then shows sessions and seat changes made after it', async () => {
  const context = await stack.browser.newContext();
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const sessions = new SessionsPage(await context.newPage());
  await sessions.goto(stack.baseUrl, `view=agenda&course=${encodeURIComponent(fixture.course._id)}&from=2034-06-01&to=2034-06-30`);
  await sessions.sessionLinks(title).first().waitFor({ timeout: 30_000 });
  await sessions.page.locator('.sync-status[data-state="up-to-date"]').waitFor({ timeout: 30_000 });

  expect(requests.filter((url) => url.endsWith('/api/catalog/snapshot'))).toHaveLength(1);
  // Replication continued from the snapshot's sequence: it never read the catalog's changes from the start.
  const changes = requests.filter((url) => url.includes('/db/rft_catalog/_changes')).map((url) => new URL(url).searchParams.get('since'));
  expect(changes.length).toBeGreaterThan(0);
  expect(changes).not.toContain('0');

  const catalog = couchAs(inject('couch').url, inject('couch').sync).use<SessionDoc>(DB.catalog);
  const current = await catalog.get(fixture.session._id);
  await catalog.insert({ ...current, capacity: 8, updatedAt: new Date().toISOString() });
  await insertSessions(inject('couch'), fixture.course, [{ start: new Date(Date.UTC(2034, 5, 20, 8, 0)), location: 'B' }]);

  await expect.poll(() => sessions.sessionLinks(title).count(), { timeout: 20_000 }).toBe(2);
  await expect.poll(() => sessions.sessionLinks(title).first().textContent(), { timeout: 20_000 }).toContain('Location A · 8 seats left');
  expect(await sessions.sessionLinks(title).nth(1).textContent()).toContain('Location B · 12 seats left');
  await context.close();
});
