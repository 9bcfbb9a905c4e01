import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from '../../helpers/browser';
import { median, round } from './stats';

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The audits the performance score is made of, so a missed score says which part missed. */
const METRICS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndexMs: 'speed-index',
} as const;

type Metrics = Record<keyof typeof METRICS, number>;

/** Runs Lighthouse may fail to measure (its own error, not a score) before the bench gives up. */
const EXTRA_ATTEMPTS = 2;

/**
 * Lighthouse's default (mobile, simulated throttling) performance score, median of `runs`, each on a
 * fresh profile. A run Lighthouse could not measure (a runtime error: no score, no metrics) is
 * listed in `failed` and run again, rather than counted as a score of 0.
 */
export const lighthouseMobileScore = async (url: string, runs = 3): Promise<{ median: number; scores: number[]; metrics: Metrics[]; failed: string[] }> => {
  const scores: number[] = [];
  const metrics: Metrics[] = [];
  const failed: string[] = [];
  while (scores.length < runs && failed.length <= EXTRA_ATTEMPTS) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: FLAGS });
    try {
      const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
      const error = result ? result.lhr.runtimeError : { code: 'NO_RESULT', message: 'Lighthouse returned nothing' };
      if (error) {
        failed.push(`${error.code}: ${error.message}`);
        continue;
      }
      scores.push(Math.round((result!.lhr.categories.performance?.score ?? 0) * 100));
      const audits = result!.lhr.audits;
      metrics.push(Object.fromEntries(Object.entries(METRICS).map(([key, audit]) => [key, round(audits[audit]?.numericValue ?? Number.NaN, 3)])) as Metrics);
    } finally {
      await chrome.kill();
    }
  }
  if (scores.length < runs) throw new Error(`Lighthouse could not measure the app: ${failed.join('; ')}`);
  return { median: median(scores), scores, metrics, failed };
};
