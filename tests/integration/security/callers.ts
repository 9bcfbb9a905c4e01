import { afterAll, beforeAll, inject } from 'vitest';
import { basicAuth } from '../../../couch/client';
import { ROLES } from '../../../domain/databases';
import type { Caller } from '../../../sync-server/db-proxy/access';
import { logIn, signUp, type TestApp } from '../../helpers/build-app';
import { listenTestApp } from '../../helpers/listen';
import { INSTRUCTOR, type TestCouch } from '../../helpers/test-couch';
import { newServiceAccount } from '../feeds/accounts';

/** The request headers each caller of the gateway sends: nothing, a session cookie, or basic auth. */
export async function callerHeaders(app: TestApp, couch: TestCouch): Promise<Record<Caller, Record<string, string>>> {
  return {
    anonymous: {},
    [ROLES.customer]: { cookie: (await signUp(app)).cookie },
    [ROLES.instructor]: { cookie: await logIn(app, INSTRUCTOR.email, INSTRUCTOR.password) },
    [ROLES.service]: (await newServiceAccount(couch)).headers,
    [ROLES.sync]: { authorization: basicAuth(couch.sync) },
  };
}

/** Reads straight from the database as its admin, past the gateway: what is really stored. */
export async function adminGet(couch: TestCouch, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${couch.url}${path}`, { headers: { authorization: basicAuth(couch.admin) } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** The app on a free port for this test file, and each caller's headers; closed after the file. */
export function useGatewayCallers() {
  const gateway = {
    couch: inject('couch'),
    app: undefined as unknown as TestApp,
    baseUrl: '',
    headers: {} as Record<Caller, Record<string, string>>,
  };
  beforeAll(async () => {
    Object.assign(gateway, await listenTestApp());
    gateway.headers = await callerHeaders(gateway.app, gateway.couch);
  });
  afterAll(() => gateway.app?.close());
  return gateway;
}
