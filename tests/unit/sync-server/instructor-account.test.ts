import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../../sync-server/config';
import { instructorAccount, shouldSeedDemo } from '../../../sync-server/instructor-account';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'rft-instructor-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('instructorAccount', () => {
  it('generates a strong password on the first start, keeps it private, and reuses it without printing again', () => {
    const env = loadEnv({ DATA_DIR: freshDir() });
    const first = instructorAccount(env);
    expect(first.password).toMatch(/^[\w-]{20,}$/);
    expect(first.generatedFile).toBe(join(env.DATA_DIR, 'instructor-password'));
    expect(statSync(first.generatedFile!).mode & 0o777).toBe(0o600);

    const second = instructorAccount(env);
    expect(second.password).toBe(first.password);
    expect(second.generatedFile).toBeUndefined();
  });

  it('uses RFT_INSTRUCTOR_PASSWORD when given and writes nothing', () => {
    const env = loadEnv({ DATA_DIR: freshDir(), RFT_INSTRUCTOR_PASSWORD: 'chosen-by-the-owner' });
    expect(instructorAccount(env)).toEqual({ email: env.RFT_INSTRUCTOR_EMAIL, name: env.RFT_INSTRUCTOR_NAME, password: 'chosen-by-the-owner' });
  });
});

describe('shouldSeedDemo', () => {
  it('seeds the embedded quick start, never an Apache CouchDB unless asked', () => {
    expect(shouldSeedDemo(loadEnv({}))).toBe(true);
    expect(shouldSeedDemo(loadEnv({ COUCH_URL: 'http://admin:pw@127.0.0.1:5984' }))).toBe(false);
    expect(shouldSeedDemo(loadEnv({ COUCH_URL: 'http://admin:pw@127.0.0.1:5984', SEED_DEMO_DATA: 'true' }))).toBe(true);
    expect(shouldSeedDemo(loadEnv({ SEED_DEMO_DATA: 'false' }))).toBe(false);
  });
});
