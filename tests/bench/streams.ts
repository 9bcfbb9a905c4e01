/**
 * npm run bench:streams [-- --sse 200 --longpoll 200]
 * Starts a private embedded CouchDB and one sync-server on loopback, then opens `sse` /api/events
 * streams and `longpoll` gateway `_changes?feed=longpoll` requests on /db/rft_catalog all at once,
 * and prints /api/health latency before, while they open and while they are open, and the latency
 * of bookings made while they are open. The promise: health p95 < 100 ms, a booking < 500 ms.
 */
import { parseArgs } from 'node:util';
import { attendees, createCustomers, insertSession } from '../helpers/bookings';
import { percentile, round } from './app/stats';
import { benchStack, deadline } from './engine';

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const { values } = parseArgs({ options: { sse: { type: 'string', default: '200' }, longpoll: { type: 'string', default: '200' } } });
const SSE = Number(values.sse);
const LONGPOLL = Number(values.longpoll);
const DEADLINE_MS = 3 * 60_000;
const PROBES = 40;
const BOOKINGS = 20;
const OPEN_WAIT_MS = 15_000;

const summary = (ms: number[]) => {
  return { n: ms.length, p50Ms: round(percentile(ms, 50)), p95Ms: round(percentile(ms, 95)), maxMs: round(Math.max(...ms)) };
};

async function main() {
  deadline('bench:streams', DEADLINE_MS);
  const { couch, app } = await benchStack('embedded', { eventStreamsPerAddress: SSE + LONGPOLL + 10 });
  const stop = new AbortController();
  try {
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const health = async () => (await timed(() => fetch(`${baseUrl}/api/health`).then((r) => r.arrayBuffer()))).ms;
    const probe = async (count: number, gapMs: number) => {
      const ms: number[] = [];
      for (let i = 0; i < count; i++) {
        ms.push(await health());
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
      return ms;
    };
    await probe(5, 0);
    const before = summary(await probe(PROBES, 10));

    const { update_seq: since } = (await (await fetch(`${baseUrl}/db/rft_catalog`)).json()) as { update_seq: number };
    const opened: Promise<unknown>[] = [];
    const openingProbe = probe(PROBES, 10);
    for (let i = 0; i < SSE; i++) {
      opened.push(
        fetch(`${baseUrl}/api/events`, { signal: stop.signal }).then((r) => {
          if (r.status !== 200) throw new Error(`stream answered ${r.status}`);
          void r.body?.getReader().read().catch(() => {});
        }),
      );
    }
    // Each longpoll client polls again from the last_seq it was given, as a replicating device does.
    let longpollAnswers = 0;
    const longpollClient = async () => {
      let from: unknown = since;
      while (!stop.signal.aborted) {
        const response = await fetch(`${baseUrl}/db/rft_catalog/_changes?feed=longpoll&heartbeat=10000&since=${from}`, { signal: stop.signal });
        if (response.status !== 200) throw new Error(`longpoll answered ${response.status}`);
        from = ((await response.json()) as { last_seq: unknown }).last_seq;
        longpollAnswers++;
      }
    };
    const longpollErrors: string[] = [];
    for (let i = 0; i < LONGPOLL; i++) {
      longpollClient().catch((error: unknown) => {
        if (!stop.signal.aborted) longpollErrors.push(String(error));
      });
    }
    // Open once every stream and waiting longpoll follows the shared feed (or OPEN_WAIT_MS passed).
    opened.push(
      (async () => {
        const until = Date.now() + OPEN_WAIT_MS;
        while (app.feeds.catalog.followers < SSE + LONGPOLL && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      })(),
    );
    const openedAll = await timed(() => Promise.all(opened));
    const whileOpening = summary(await openingProbe);
    const whileOpen = summary(await probe(PROBES, 10));

    const customers = await createCustomers(app.couch, BOOKINGS);
    const sessions = await Promise.all(Array.from({ length: BOOKINGS }, () => insertSession(app.couch)));
    const bookingMs: number[] = [];
    for (let i = 0; i < BOOKINGS; i++) {
      const { ms, value } = await timed(() =>
        fetch(`${baseUrl}/api/bookings`, {
          method: 'POST',
          headers: { authorization: customers[i]!.authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ sessionId: sessions[i]!._id, attendees: attendees(1) }),
        }),
      );
      if (value.status !== 201) throw new Error(`booking answered ${value.status}: ${await value.text()}`);
      await value.arrayBuffer();
      bookingMs.push(ms);
    }
    const report = {
      streams: { sse: SSE, longpoll: LONGPOLL, longpollAnswers, openedInMs: round(openedAll.ms), followersOfTheSharedFeed: app.feeds.catalog.followers },
      health: { before, whileOpening, whileOpen },
      bookingWhileOpen: summary(bookingMs),
    };
    console.log(JSON.stringify(report, null, 2));
    console.table({
      'health before': before,
      'health while they open': whileOpening,
      'health while open': whileOpen,
      'booking while open': report.bookingWhileOpen,
    });
    if (longpollErrors.length) console.error(`${longpollErrors.length} longpoll clients failed, the first: ${longpollErrors[0]}`);
    const ok = !longpollErrors.length && whileOpening.p95Ms < 100 && whileOpen.p95Ms < 100 && report.bookingWhileOpen.p95Ms < 500;
    console.log(ok ? 'within the promise: health p95 < 100 ms, booking p95 < 500 ms' : 'OUTSIDE the promise: health p95 < 100 ms, booking p95 < 500 ms');
    if (!ok) process.exitCode = 1;
  } finally {
    stop.abort();
    await app.close();
    await couch.stop();
  }
}

await main();
