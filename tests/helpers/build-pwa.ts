import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

/**
 * A production build of the PWA in a fresh temporary folder, so a test run or a benchmark never
 * serves files another build is rewriting (dist/app belongs to `npm start`).
 */
export async function buildPwaIntoTemp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'rft-pwa-build-'));
  // Vitest sets NODE_ENV=test, and Vite lets it win over the mode: React would be its development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'vite.config.ts', mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
