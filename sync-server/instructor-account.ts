import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstructorAccount } from '../couch/setup/bootstrap';
import type { Env } from './config';

export interface ResolvedInstructor extends InstructorAccount {
  /** Set only on the start that generated the password, so it is printed once. */
  generatedFile?: string;
}

/**
 * The instructor's log-in. With no RFT_INSTRUCTOR_PASSWORD the first start generates a strong
 * password and keeps it in DATA_DIR (mode 600), so no installation runs on a published default.
 */
export function instructorAccount(env: Env): ResolvedInstructor {
  const account = { email: env.RFT_INSTRUCTOR_EMAIL, name: env.RFT_INSTRUCTOR_NAME };
  if (env.RFT_INSTRUCTOR_PASSWORD) return { ...account, password: env.RFT_INSTRUCTOR_PASSWORD };
  const file = join(env.DATA_DIR, 'instructor-password');
  try {
    return { ...account, password: readFileSync(file, 'utf8').trim() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const password = randomBytes(15).toString('base64url');
  mkdirSync(env.DATA_DIR, { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return { ...account, password, generatedFile: file };
}

/** Whether to seed the demo catalog: asked for explicitly, or the embedded quick start by default. */
export const shouldSeedDemo = (env: Env): boolean => env.SEED_DEMO_DATA ?? !env.COUCH_URL;
