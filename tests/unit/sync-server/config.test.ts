import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../../../sync-server/config';

describe('loadEnv', () => {
  it('fills every default on an empty environment', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', DATA_DIR: resolve('.data'), TRAVEL_BUFFER_MINUTES: 60 });
    expect(env.RFT_INSTRUCTOR_PASSWORD).toBeUndefined();
    expect(env.SEED_DEMO_DATA).toBeUndefined();
  });

  it('resolves DATA_DIR once, against the directory the process started in', () => {
    expect(loadEnv({ DATA_DIR: 'var/rft' }).DATA_DIR).toBe(resolve(process.cwd(), 'var/rft'));
  });

  it('parses numbers and booleans from strings', () => {
    expect(loadEnv({ PORT: '9000', TRAVEL_BUFFER_MINUTES: '45', SEED_DEMO_DATA: 'false' })).toMatchObject({
      PORT: 9000,
      TRAVEL_BUFFER_MINUTES: 45,
      SEED_DEMO_DATA: false,
    });
  });

  it('names every invalid variable in one error', () => {
    const attempt = () => loadEnv({ PORT: 'eighty', COUCH_URL: 'not a url', RFT_INSTRUCTOR_EMAIL: 'nobody', RFT_INSTRUCTOR_PASSWORD: 'short' });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of ['PORT', 'COUCH_URL', 'RFT_INSTRUCTOR_EMAIL', 'RFT_INSTRUCTOR_PASSWORD']) expect(message).toContain(`- ${name}:`);
  });
});
