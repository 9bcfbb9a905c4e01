/**
 * npm run bench:app — the customer PWA's numbers, in real Chromium against the real sync-server
 * and a private embedded CouchDB per catalog size. Loopback only; prints JSON and a table.
 */
import { rmSync } from 'node:fs';
import { seedSessions } from '../../sync-server/catalog/seed';
import { buildApp } from '../../sync-server/app';
import { launchChromium } from '../helpers/browser';
import { buildPwaIntoTemp } from '../helpers/build-pwa';
import { startTestCouch } from '../helpers/test-couch';
import { firstRenderJs } from './app/bundle-size';
import { lighthouseMobileScore } from './app/lighthouse';
import { blockingTime, filterTimings, marks, openProbed } from './app/measure-page';
import { realtimeLatency } from './app/realtime';
import { median, percentile, round } from './app/stats';

const SIZES = [1_000, 5_000];
const RENDER_RUNS = 5;
const FILTER_CHANGES = 20;
const BOOKINGS = 50;
const TIMEOUT_MS = 180_000;
/** How long a visit stays idle before the customer reopens the app (the app saves its catalog copy once sync is quiet). */
const SETTLE_MS = 2_000;

async function startServer(count: number, builtApp: string) {
  const couch = await startTestCouch({ engine: 'embedded' });
  const app = await buildApp({
    couchUrl: couch.url,
    admin: couch.admin,
    sync: couch.sync,
    staticDir: builtApp,
    travelBufferMinutes: 60,
    loginRateLimitPerMinute: 10_000,
    loginFailuresPerAccount: 1_000,
  });
  await seedSessions(app.couch, count);
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, couch, baseUrl, stop: async () => (await app.close(), await couch.stop()) };
}

async function firstSession(baseUrl: string): Promise<{ id: string; date: string }> {
  const response = await fetch(`${baseUrl}/db/rft_catalog/_all_docs?startkey=%22session:%22&endkey=%22session:%EF%BF%B0%22&include_docs=true&limit=1`);
  const { rows } = (await response.json()) as { rows: { doc: { _id: string; days: { start: string }[] } }[] };
  const doc = rows[0]!.doc;
  return { id: doc._id, date: doc.days[0]!.start.slice(0, 10) };
}

async function measureSize(count: number, builtApp: string) {
  const server = await startServer(count, builtApp);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await openProbed(context, count);
    const session = await firstSession(server.baseUrl);
    const url = `${server.baseUrl}/#/?view=month&date=${session.date}`;

    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __bench: { marks: { allSessions?: number } } }).__bench.marks.allSessions !== undefined, undefined, { timeout: TIMEOUT_MS, polling: 50 });
    await page.locator('.sync-status[data-state="up-to-date"]').waitFor({ timeout: TIMEOUT_MS });
    const coldMarks = await marks(page);
    const coldStart = coldMarks.allSessions!;
    const synced = Math.max(coldStart, coldMarks.upToDate ?? coldStart);
    // The first sync's blocking, up to the moment it is done: what a tap during it would wait for.
    const coldBlocking = await blockingTime(page, synced + 50);

    const reopen = async (): Promise<number> => {
      await page.reload();
      await page.waitForFunction(() => (window as unknown as { __bench: { marks: { allSessions?: number; firstSession?: number } } }).__bench.marks.firstSession !== undefined, undefined, { timeout: TIMEOUT_MS, polling: 20 });
      return (await marks(page)).firstSession!;
    };
    // Reopened the instant the sync finished, before the app has saved its copy of the catalog.
    const rightAfterSync = await reopen();
    const renders: number[] = [];
    for (let run = 0; run < RENDER_RUNS; run++) {
      await page.locator('.sync-status[data-state="up-to-date"]').waitFor({ timeout: TIMEOUT_MS });
      await page.waitForTimeout(SETTLE_MS);
      renders.push(await reopen());
    }

    await page.waitForFunction((expected) => document.querySelector('.sessions__count')?.textContent === expected, `${count} sessions match.`);
    const location = page.locator('#filter-location');
    for (let change = 0; change < FILTER_CHANGES; change++) {
      const expected = change % 2 === 0 ? `${count / 2} sessions match.` : `${count} sessions match.`;
      await location.selectOption(change % 2 === 0 ? 'A' : '');
      await page.waitForFunction((text) => document.querySelector('.sessions__count')?.textContent === text, expected);
    }
    const filters = await filterTimings(page);
    await context.close();

    const realtime = await realtimeLatency(browser, server.baseUrl, session.id, BOOKINGS);
    const lighthouse = count === SIZES[0] ? await lighthouseMobileScore(`${server.baseUrl}/`) : undefined;
    return {
      sessions: count,
      coldStartFullSyncMs: round(coldStart),
      coldStartUpToDateMs: round(synced),
      coldStartBlocking: { totalBlockingTimeMs: round(coldBlocking.totalMs), longestTaskMs: round(coldBlocking.longestMs), longTasks: coldBlocking.tasks },
      calendarFirstRenderMs: { median: round(median(renders)), runs: renders.map((ms) => round(ms)), reopenedRightAfterSync: round(rightAfterSync) },
      filterChangeMs: { p50: round(percentile(filters, 50)), p95: round(percentile(filters, 95)), samples: filters.length },
      realtimeMs: realtime,
      ...(lighthouse ? { lighthouseMobilePerformance: lighthouse } : {}),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main() {
  const builtApp = await buildPwaIntoTemp();
  const bundle = firstRenderJs(builtApp);
  const results = [];
  try {
    for (const count of SIZES) results.push(await measureSize(count, builtApp));
  } finally {
    rmSync(builtApp, { recursive: true, force: true });
  }
  const report = { firstRenderJsGzipKb: round(bundle.gzipKb), firstRenderFiles: bundle.files, results };
  console.log(JSON.stringify(report, null, 2));
  console.table(
    results.map((r) => ({
      sessions: r.sessions,
      'calendar first render ms (<500)': r.calendarFirstRenderMs.median,
      'reopened right after sync ms': r.calendarFirstRenderMs.reopenedRightAfterSync,
      'filter p50/p95 ms (<200)': `${r.filterChangeMs.p50} / ${r.filterChangeMs.p95}`,
      'real-time p50/p95 ms (<100)': `${r.realtimeMs.p50} / ${r.realtimeMs.p95}`,
      'real-time from request sent p50/p95 ms': `${r.realtimeMs.fromRequestSent.p50} / ${r.realtimeMs.fromRequestSent.p95}`,
      'cold start full sync ms': r.coldStartFullSyncMs,
      'cold start TBT / longest task ms': `${r.coldStartBlocking.totalBlockingTimeMs} / ${r.coldStartBlocking.longestTaskMs}`,
      'lighthouse mobile (>90)': r.lighthouseMobilePerformance?.median ?? '',
      'lighthouse FCP / LCP / TBT ms': r.lighthouseMobilePerformance
        ? r.lighthouseMobilePerformance.metrics.map((m) => `${Math.round(m.fcpMs)}/${Math.round(m.lcpMs)}/${Math.round(m.tbtMs)}`).join(', ')
        : '',
    })),
  );
  console.log(`JS for the first screen (entry and modulepreloads, the calendar's included): ${round(bundle.gzipKb)} KB gzipped`);
}

await main();
