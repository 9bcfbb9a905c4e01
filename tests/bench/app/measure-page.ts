import type { BrowserContext, Page } from 'playwright-core';

/**
 * Installed before any app script runs: records, on the page's own clock, when the first session
 * appears in the calendar, when the match count reads `expected`, when the sync says it is up to
 * date, each filter change and the DOM update that follows it, and every long task (over 50 ms) of
 * the page's main thread.
 */
const probe = (expected: string) => {
  const marks: Record<string, number> = {};
  const changes: number[] = [];
  const updates: number[] = [];
  const longTasks: { start: number; duration: number }[] = [];
  Object.assign(window, { __bench: { marks, changes, updates, longTasks } });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', () => changes.push(performance.now()), true);
  let lastCount = '';
  new MutationObserver(() => {
    const now = performance.now();
    if (marks.firstSession === undefined && document.querySelector('.session-calendar [data-session-id]')) marks.firstSession = now;
    const count = document.querySelector('.sessions__count')?.textContent ?? '';
    if (count === expected && marks.allSessions === undefined) marks.allSessions = now;
    if (marks.upToDate === undefined && document.querySelector('.sync-status[data-state="up-to-date"]')) marks.upToDate = now;
    if (count !== lastCount) {
      if (changes.length > updates.length) updates.push(now);
      lastCount = count;
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

export const openProbed = async (context: BrowserContext, expectedCount: number): Promise<Page> => {
  await context.addInitScript(probe, `${expectedCount} sessions match.`);
  return context.newPage();
};

export interface BenchMarks {
  firstSession?: number;
  allSessions?: number;
  upToDate?: number;
}

export const marks = (page: Page): Promise<BenchMarks> => page.evaluate(() => (window as unknown as { __bench: { marks: BenchMarks } }).__bench.marks);

export const filterTimings = (page: Page): Promise<number[]> =>
  page.evaluate(() => {
    const { changes, updates } = (window as unknown as { __bench: { changes: number[]; updates: number[] } }).__bench;
    return updates.map((at, index) => at - changes[index]!);
  });

/**
 * Total Blocking Time of the page's main thread up to `until` (ms on the page's clock): the part of
 * every long task beyond 50 ms, as Lighthouse counts it, and the longest task. A tap waits at most
 * that long for the page to answer.
 */
export const blockingTime = (page: Page, until: number): Promise<{ totalMs: number; longestMs: number; tasks: number }> =>
  page.evaluate((end) => {
    const tasks = (window as unknown as { __bench: { longTasks: { start: number; duration: number }[] } }).__bench.longTasks.filter((task) => task.start < end);
    return {
      totalMs: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      longestMs: Math.max(0, ...tasks.map((task) => task.duration)),
      tasks: tasks.length,
    };
  }, until);
