import { expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { listenTestApp } from '../../helpers/listen';
import { waitingLongpoll } from '../../helpers/waiting-longpoll';

/**
 * A feed waits for the next change however long that takes (the embedded server ignores `timeout`),
 * and every open app holds one: closing must not wait for them, or a stop signal never ends the server.
 */
it.each([
  ['a longpoll the database answers', 'feed=longpoll&filter=catalog/window&heartbeat=1000', false],
  ['a continuous feed', 'feed=continuous&heartbeat=1000', false],
  ['a longpoll waiting on the shared feed', 'feed=longpoll&heartbeat=60000', true],
])('closes while a replicating client holds %s open, and ends it', async (_, query, shared) => {
  const { app, baseUrl } = await listenTestApp();
  const { update_seq: since } = (await (await fetch(`${baseUrl}/db/${DB.catalog}`)).json()) as { update_seq: number };
  // Until the gateway holds the feed: the shared feed has its follower, or the database sent its headers.
  const response = shared
    ? (await waitingLongpoll(app, baseUrl, new URLSearchParams(query))).response
    : fetch(`${baseUrl}/db/${DB.catalog}/_changes?${query}&since=${since}`);
  const outcome = response.then(
    (answer) => answer.text().then(() => 'ended', () => 'cut'),
    () => 'cut',
  );
  if (!shared) expect((await response).status).toBe(200);

  await app.close();

  expect(await outcome).toBe('cut');
});
