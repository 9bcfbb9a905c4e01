import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from '../../helpers/browser';
import { median } from './stats';

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Lighthouse's default (mobile, simulated throttling) performance score, median of `runs`. */
export const lighthouseMobileScore = async (url: string, runs = 3): Promise<{ median: number; scores: number[] }> => {
  const scores: number[] = [];
  for (let run = 0; run < runs; run++) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: FLAGS });
    try {
      const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
      scores.push(Math.round((result?.lhr.categories.performance?.score ?? 0) * 100));
    } finally {
      await chrome.kill();
    }
  }
  return { median: median(scores), scores };
};
