import type { BrowserContext, Page } from 'playwright-core';

/**
 * Installed before any app script runs: records, on the page's own clock, when the first session
 * appears in the calendar, when the match count reads `expected`, and each filter change and the
 * DOM update that follows it.
 */
const probe = (expected: string) => {
  const marks: Record<string, number> = {};
  const changes: number[] = [];
  const updates: number[] = [];
  Object.assign(window, { __bench: { marks, changes, updates } });
  document.addEventListener('change', () => changes.push(performance.now()), true);
  let lastCount = '';
  new MutationObserver(() => {
    const now = performance.now();
    if (marks.firstSession === undefined && document.querySelector('.session-calendar [data-session-id]')) marks.firstSession = now;
    const count = document.querySelector('.sessions__count')?.textContent ?? '';
    if (count === expected && marks.allSessions === undefined) marks.allSessions = now;
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
}

export const marks = (page: Page): Promise<BenchMarks> => page.evaluate(() => (window as unknown as { __bench: { marks: BenchMarks } }).__bench.marks);

export const filterTimings = (page: Page): Promise<number[]> =>
  page.evaluate(() => {
    const { changes, updates } = (window as unknown as { __bench: { changes: number[]; updates: number[] } }).__bench;
    return updates.map((at, index) => at - changes[index]!);
  });
