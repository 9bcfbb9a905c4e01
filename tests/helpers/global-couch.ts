import type { TestProject } from 'vitest/node';
import { startTestCouch, type TestCouch } from './test-couch';

declare module 'vitest' {
  export interface ProvidedContext {
    couch: TestCouch;
  }
}

/** One shared server for the integration and browser projects; files keep their data apart. */
export default async function setup(project: TestProject) {
  const couch = await startTestCouch();
  project.provide('couch', { url: couch.url, admin: couch.admin, sync: couch.sync, dataDir: couch.dataDir });
  return () => couch.stop();
}
