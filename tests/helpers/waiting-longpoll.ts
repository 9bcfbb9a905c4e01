import { DB } from '../../domain/databases';
import type { TestApp } from './build-app';

const until = async (condition: () => boolean, ms: number): Promise<boolean> => {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return condition();
};

/**
 * A gateway catalog longpoll that is waiting on the app's shared feed. Other test files write to the
 * catalog too, so one sent from the head may be answered at once: it polls again from each answer,
 * as a replicating device does, until one waits. Resolves with that request's response, still open.
 */
export async function waitingLongpoll(app: TestApp, baseUrl: string, query: URLSearchParams): Promise<{ response: Promise<Response>; since: unknown }> {
  let since: unknown = await app.feeds.catalog.position();
  for (let attempt = 0; attempt < 20; attempt++) {
    const before = app.feeds.catalog.followers;
    const response = fetch(`${baseUrl}/db/${DB.catalog}/_changes?${query}&since=${since}`);
    let answered = false;
    void response.then(() => (answered = true), () => (answered = true));
    if (await until(() => answered || app.feeds.catalog.followers > before, 5_000)) {
      if (!answered) return { response, since };
      since = ((await (await response).json()) as { last_seq: unknown }).last_seq;
    }
  }
  throw new Error('No longpoll came to wait on the shared feed');
}
