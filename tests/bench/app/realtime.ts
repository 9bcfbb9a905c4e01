import type { Browser } from 'playwright-core';
import { percentile, round } from './stats';

const SEATS = '.seats';

/**
 * One context books through the API, another watches the session page. Both pages read one machine
 * clock (timeOrigin + now), so the gap between the booker's answer and the watcher's DOM update is
 * the end-to-end real-time latency. The seat is held before the booking is confirmed and answered,
 * so the watcher can show it before the answer arrives (a negative gap); the gap from the moment the
 * request was sent is reported too, as an upper bound. Each booking is cancelled before the next.
 */
export const realtimeLatency = async (browser: Browser, baseUrl: string, sessionId: string, bookings: number) => {
  const watcher = await (await browser.newContext()).newPage();
  // Live updates on a device that holds the catalog, not ones queued behind its first full sync.
  await watcher.goto(`${baseUrl}/#/`);
  await watcher.locator('.sync-status[data-state="up-to-date"]').waitFor({ timeout: 180_000 });
  await watcher.evaluate((id) => (location.hash = `#/sessions/${id}`), sessionId);
  await watcher.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('12 seats left'), SEATS, { timeout: 120_000 });
  await watcher.evaluate((selector) => {
    const seen: { text: string; at: number }[] = [];
    Object.assign(window, { __seen: seen });
    new MutationObserver(() => seen.push({ text: document.querySelector(selector)?.textContent ?? '', at: performance.timeOrigin + performance.now() })).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, SEATS);

  const booker = await (await browser.newContext()).newPage();
  await booker.goto(`${baseUrl}/#/bookings`);
  await booker.evaluate(async () => {
    const email = `bench-${Date.now()}@bench.example`;
    await fetch('/api/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password-123', name: 'Bench' }) });
  });

  const latencies: number[] = [];
  const fromRequest: number[] = [];
  for (let i = 0; i < bookings; i++) {
    const { id, sentAt, answeredAt } = await booker.evaluate(async (session) => {
      const sentAt = performance.timeOrigin + performance.now();
      const response = await fetch('/api/bookings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: session, attendees: [{ name: 'Bench' }] }) });
      const answeredAt = performance.timeOrigin + performance.now();
      const body = (await response.json()) as { booking?: { id: string } };
      if (!body.booking) throw new Error(`booking failed: ${JSON.stringify(body)}`);
      return { id: body.booking.id, sentAt, answeredAt };
    }, sessionId);
    const shownAt = await watcher.evaluate(async () => {
      const seen = (window as unknown as { __seen: { text: string; at: number }[] }).__seen;
      for (;;) {
        const hit = seen.find((entry) => entry.text.includes('11 seats left'));
        if (hit) return hit.at;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    latencies.push(shownAt - answeredAt);
    fromRequest.push(shownAt - sentAt);
    await booker.evaluate(async (booking) => {
      await fetch(`/api/bookings/${encodeURIComponent(booking)}`, { method: 'DELETE' });
    }, id);
    await watcher.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('12 seats left'), SEATS);
    await watcher.evaluate(() => ((window as unknown as { __seen: unknown[] }).__seen.length = 0));
  }
  await watcher.context().close();
  await booker.context().close();
  return {
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    max: round(Math.max(...latencies)),
    fromRequestSent: { p50: round(percentile(fromRequest, 50)), p95: round(percentile(fromRequest, 95)) },
    samples: latencies.length,
  };
};
