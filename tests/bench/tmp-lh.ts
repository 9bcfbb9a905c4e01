import { writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { seedSessions } from '../../sync-server/catalog/seed';
import { buildApp } from '../../sync-server/app';
import { buildPwaIntoTemp } from '../helpers/build-pwa';
import { startTestCouch } from '../helpers/test-couch';
import { CHROMIUM_PATH } from '../helpers/browser';

const built = await buildPwaIntoTemp();
const couch = await startTestCouch({ engine: 'embedded' });
const app = await buildApp({ couchUrl: couch.url, admin: couch.admin, sync: couch.sync, staticDir: built, travelBufferMinutes: 60 } as any);
await seedSessions(app.couch, 1000);
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
for (let i = 0; i < 2; i++) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: FLAGS });
  const result = await lighthouse(`${baseUrl}/`, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
  await chrome.kill();
  const a = result!.lhr.audits;
  writeFileSync(`/tmp/lh-${i}.json`, JSON.stringify(result!.lhr));
  console.log('score', result!.lhr.categories.performance!.score, 'TBT', a['total-blocking-time']!.numericValue, 'LCP', a['largest-contentful-paint']!.numericValue, 'FCP', a['first-contentful-paint']!.numericValue, 'SI', a['speed-index']!.numericValue);
}
await app.close();
await couch.stop();
