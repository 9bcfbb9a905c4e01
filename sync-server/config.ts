import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_TRAVEL_BUFFER_MINUTES } from '../domain/schedule-overlap';

const port = z.coerce.number().int().min(0).max(65535);

/** Every environment variable the sync-server reads. The README lists the same. */
export const envSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  COUCH_URL: z.url({ error: 'COUCH_URL must be a URL like http://admin:password@127.0.0.1:5984' }).optional(),
  // Every sync-server instance sharing one Apache CouchDB must be given the same (or none: then it is derived from COUCH_URL).
  RFT_SYNC_PASSWORD: z.string().min(16, 'RFT_SYNC_PASSWORD must be at least 16 characters').optional(),
  // Resolved once, against the directory the process started in: children run elsewhere.
  DATA_DIR: z.string().min(1).default('.data').transform((dir) => resolve(dir)),
  RFT_INSTRUCTOR_EMAIL: z.email({ error: 'RFT_INSTRUCTOR_EMAIL must be an email address' }).default('instructor@reactfasttraining.co.uk'),
  // Unset: the first start generates one and keeps it in DATA_DIR (see instructor-account.ts).
  RFT_INSTRUCTOR_PASSWORD: z.string().min(10, 'RFT_INSTRUCTOR_PASSWORD must be at least 10 characters').optional(),
  RFT_INSTRUCTOR_NAME: z.string().min(1).default('Lex Instructor'),
  TRAVEL_BUFFER_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(DEFAULT_TRAVEL_BUFFER_MINUTES),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  EVENT_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  RECOVERY_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  // Unset: seed the embedded quick start only, never an Apache CouchDB given by COUCH_URL.
  SEED_DEMO_DATA: z.stringbool().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Parses the environment once, at start; the error names every missing or invalid variable. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}
