import { build } from 'vite';

/** Browser tests run against the production build, service worker included. */
export default async function setup() {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
