import { expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { listenTestApp } from '../../helpers/listen';

/**
 * A feed waits for the next change however long that takes (the embedded server ignores `timeout`),
 * and every open app holds one: closing must not wait for them, or a stop signal never ends the server.
 */
it.each(['longpoll', 'continuous'])('closes while a replicating client holds a %s feed open, and ends the feed', async (feed) => {
  const { app, baseUrl } = await listenTestApp();
  const { update_seq: since } = (await (await fetch(`${baseUrl}/db/${DB.catalog}`)).json()) as { update_seq: number };
  const response = await fetch(`${baseUrl}/db/${DB.catalog}/_changes?feed=${feed}&heartbeat=1000&since=${since}`);
  expect(response.status).toBe(200);
  const body = response.text().then(
    () => 'ended',
    () => 'cut',
  );

  await app.close();

  expect(await body).toBe('cut');
});
