import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildPwaIntoTemp } from './build-pwa';

declare module 'vitest' {
  export interface ProvidedContext {
    builtApp: string;
  }
}

/** Browser tests run against the production build, service worker included. */
export default async function setup(project: TestProject) {
  const outDir = await buildPwaIntoTemp();
  project.provide('builtApp', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
