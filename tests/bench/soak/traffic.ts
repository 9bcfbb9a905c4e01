import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { DB } from '../../../domain/databases';
import { attendees } from '../../helpers/bookings';
import { memoryPouch, remotePouch } from '../../helpers/node-pouch';
import { openSse } from '../../integration/feeds/sse';
import type { Tally } from './tally';

const REQUEST_TIMEOUT_MS = 30_000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Customer {
  email: string;
  password: string;
  cookie: string;
  bookings: string[];
}

/** What the virtual users share: the server, the sessions they book, the accounts they have made. */
export interface World {
  baseUrl: string;
  tally: Tally;
  sessions: string[];
  customers: Customer[];
  instructorCookie: string;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

const cookieOf = (response: Response): string => response.headers.getSetCookie().find((c) => c.startsWith('AuthSession='))?.split(';')[0] ?? '';

/**
 * One request, counted under `label` by its status; a status outside `expected` or a thrown error
 * is a failure. Returns the response with its body read as text (or null when it threw).
 */
async function call(world: World, label: string, path: string, init: RequestInit, expected: number[]): Promise<{ response: Response; text: string } | null> {
  try {
    const response = await fetch(`${world.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    world.tally.count(label, response.status, expected.includes(response.status), text.slice(0, 200));
    return { response, text };
  } catch (error) {
    world.tally.error(label, error);
    return null;
  }
}

const json = (body: unknown, cookie = ''): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
});

let signups = 0;

export async function signUp(world: World): Promise<void> {
  const email = `soak-${process.pid}-${++signups}@test.example`;
  const password = `soak-password-${signups}`;
  const answer = await call(world, 'POST /api/auth/signup', '/api/auth/signup', json({ email, password, name: `Soak Customer ${signups}` }), [201]);
  if (answer?.response.status === 201) world.customers.push({ email, password, cookie: cookieOf(answer.response), bookings: [] });
}

export async function logIn(world: World, email: string, password: string): Promise<string> {
  const answer = await call(world, 'POST /api/auth/login', '/api/auth/login', json({ email, password }), [200]);
  return answer?.response.status === 200 ? cookieOf(answer.response) : '';
}

/** Every bookable session from now to a year ahead, page by page, as a browser would list them. */
export async function bookableSessions(world: World): Promise<string[]> {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 365 * DAY_MS).toISOString();
  const ids: string[] = [];
  let cursor = '';
  do {
    const query = new URLSearchParams({ from, to, limit: '500', ...(cursor ? { cursor } : {}) });
    const answer = await call(world, 'GET /api/calendar/availability', `/api/calendar/availability?${query}`, {}, [200]);
    if (!answer) throw new Error('could not list the sessions');
    const page = JSON.parse(answer.text) as { sessions: { id: string }[]; next: string | null };
    ids.push(...page.sessions.map((session) => session.id));
    cursor = page.next ?? '';
  } while (cursor);
  return ids;
}

async function browse(world: World): Promise<void> {
  const soon = new Date(Date.now() + 180 * DAY_MS).toISOString();
  const reads: [string, string, number[]][] = [
    ['GET /api/courses', '/api/courses', [200]],
    ['GET /api/courses/sessions', '/api/courses/sessions', [200]],
    ['GET /api/courses/sessions (filtered)', '/api/courses/sessions?available=true&location=B', [200]],
    ['GET /api/courses/sessions/:id', `/api/courses/sessions/${pick(world.sessions)}`, [200]],
    ['GET /api/calendar/availability', `/api/calendar/availability?to=${encodeURIComponent(soon)}`, [200]],
    ['GET /api/calendar.ics', '/api/calendar.ics', [200]],
    ['GET /api/catalog/snapshot', '/api/catalog/snapshot', [200, 304]],
    ['GET /api/health', '/api/health', [200]],
  ];
  const [label, path, expected] = pick(reads);
  await call(world, label, path, {}, expected);
}

/** Books 1–2 seats with an Idempotency-Key; now and then sends the same request again, as a retrying client would. */
async function book(world: World): Promise<void> {
  const customer = pick(world.customers);
  const request = json({ sessionId: pick(world.sessions), attendees: attendees(between(1, 2)) }, customer.cookie);
  (request.headers as Record<string, string>)['idempotency-key'] = randomUUID();
  const first = await call(world, 'POST /api/bookings', '/api/bookings', request, [201, 409]);
  if (first?.response.status !== 201) return;
  const { booking } = JSON.parse(first.text) as { booking: { id: string } };
  customer.bookings.push(booking.id);
  if (Math.random() < 0.15) {
    const again = await call(world, 'POST /api/bookings (same Idempotency-Key)', '/api/bookings', request, [201]);
    if (again && again.response.status === 201 && (JSON.parse(again.text) as { booking: { id: string } }).booking.id !== booking.id) {
      world.tally.count('POST /api/bookings (same Idempotency-Key)', 'another booking', false);
    }
  }
}

async function cancel(world: World): Promise<void> {
  const customer = world.customers.find((c) => c.bookings.length > 0 && Math.random() < 0.5) ?? world.customers.find((c) => c.bookings.length > 0);
  if (!customer) return book(world);
  const id = customer.bookings.splice(between(0, customer.bookings.length - 1), 1)[0]!;
  await call(world, 'DELETE /api/bookings/:id', `/api/bookings/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { cookie: customer.cookie } }, [200]);
}

async function account(world: World): Promise<void> {
  const customer = pick(world.customers);
  const cookie = { headers: { cookie: customer.cookie } };
  const choice = between(1, 10);
  if (choice <= 4) await call(world, 'GET /api/bookings', '/api/bookings', cookie, [200]);
  else if (choice <= 5) await call(world, 'GET /api/auth/me', '/api/auth/me', cookie, [200]);
  else if (choice <= 7) {
    await call(world, 'POST /api/auth/logout', '/api/auth/logout', { method: 'POST', ...cookie }, [204]);
    customer.cookie = (await logIn(world, customer.email, customer.password)) || customer.cookie;
  } else if (choice <= 8) {
    const answer = await call(world, 'POST /api/calendar/token', '/api/calendar/token', { method: 'POST', ...cookie }, [201]);
    if (answer?.response.status === 201) {
      const { path } = JSON.parse(answer.text) as { path: string };
      await call(world, 'GET /api/calendar/:token.ics', path, {}, [200]);
    }
  } else await signUp(world);
}

/** Opens one to three `/api/events` streams (anonymous, a customer, the instructor), reads them a few seconds, closes them. */
async function stream(world: World, stop: AbortSignal): Promise<void> {
  const who = pick([
    ['anonymous', ''],
    ['customer', pick(world.customers).cookie],
    ['instructor', world.instructorCookie],
  ] as const);
  const label = `GET /api/events (${who[0]})`;
  const streams = await Promise.all(
    Array.from({ length: between(1, 3) }, () =>
      openSse(`${world.baseUrl}/api/events`, who[1] ? { cookie: who[1] } : {}).then(
        (sse) => (world.tally.count(label, sse.status, sse.status === 200), sse),
        (error: unknown) => (world.tally.error(label, error), null),
      ),
    ),
  );
  await sleep(between(2_000, 8_000), stop);
  for (const sse of streams) sse?.close();
}

/** Devices kept between visits, so most pulls replicate only what changed since the last one. */
const devices = new Map<number, PouchDB.Database>();

async function replicate(world: World, user: number, stop: AbortSignal): Promise<void> {
  const choice = between(1, 10);
  if (choice <= 4) {
    let device = devices.get(user);
    // Now and then a new device: a full pull of the catalog.
    if (!device || Math.random() < 0.1) {
      await device?.destroy();
      device = memoryPouch();
      devices.set(user, device);
    }
    await device.replicate.from(remotePouch(world.baseUrl, DB.catalog)).then(
      (result) => world.tally.count('replicate /db/rft_catalog', result.ok ? 'ok' : 'not ok', result.ok),
      (error: unknown) => world.tally.error('replicate /db/rft_catalog', error),
    );
  } else if (choice <= 6) {
    // A live replication, as an open app holds, closed a few seconds later (the tab goes away).
    const device = memoryPouch();
    const live = device.replicate.from(remotePouch(world.baseUrl, DB.catalog), { live: true, retry: false });
    let failed: unknown = null;
    const ended = new Promise((resolve) => live.on('complete', resolve).on('error', (error) => resolve((failed = error))));
    await sleep(between(2_000, 6_000), stop);
    live.cancel();
    await ended;
    if (failed) world.tally.error('live replicate /db/rft_catalog', failed);
    else world.tally.count('live replicate /db/rft_catalog', 'ok', true);
    await device.destroy();
  } else if (choice <= 8) {
    const info = await call(world, 'GET /db/rft_catalog', `/db/${DB.catalog}`, {}, [200]);
    if (!info) return;
    const since = (JSON.parse(info.text) as { update_seq: number }).update_seq;
    const gone = AbortSignal.any([stop, AbortSignal.timeout(between(2_000, 6_000))]);
    const label = 'GET /db/rft_catalog/_changes?feed=longpoll';
    try {
      const response = await fetch(`${world.baseUrl}/db/${DB.catalog}/_changes?feed=longpoll&heartbeat=10000&since=${since}`, { signal: gone });
      world.tally.count(label, response.status, response.status === 200);
      await response.text();
    } catch (error) {
      // Given up by the client before a change came: the normal end of a longpoll here.
      if (gone.aborted) world.tally.count(label, 'closed by the client', true);
      else world.tally.error(label, error);
    }
  } else {
    const device = memoryPouch();
    await device.replicate.from(remotePouch(world.baseUrl, DB.bookings, { cookie: world.instructorCookie })).then(
      (result) => world.tally.count('replicate /db/rft_bookings (instructor)', result.ok ? 'ok' : 'not ok', result.ok),
      (error: unknown) => world.tally.error('replicate /db/rft_bookings (instructor)', error),
    );
    await device.destroy();
  }
}

type Action = (world: World, user: number, stop: AbortSignal) => Promise<void>;

const MIX: [string, number, Action][] = [
  ['browse', 30, browse],
  ['book', 20, book],
  ['cancel', 12, cancel],
  ['account', 8, account],
  ['stream', 12, (world, _user, stop) => stream(world, stop)],
  ['replicate', 18, replicate],
];
/** Between the phases: one visitor reading the catalog now and then, as a live server always has. */
const QUIET: [string, number, Action][] = [['browse', 1, browse]];
/** No action of the mix takes this long unless something hangs. */
const ACTION_TIMEOUT_MS = 60_000;

function nextAction(mix: [string, number, Action][]): [string, Action] {
  let roll = Math.random() * mix.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [name, weight, action] of mix) if ((roll -= weight) < 0) return [name, action];
  return [mix[0]![0], mix[0]![2]];
}

export interface Traffic {
  users: number;
  pauseMs: [number, number];
  /** `mixed` (the default) or `quiet`: browsing only. */
  mix?: 'mixed' | 'quiet';
}

/** `users` virtual users, each doing one action after another with a short pause, for `ms`. */
export async function runTraffic(world: World, traffic: Traffic, ms: number): Promise<void> {
  const stop = AbortSignal.timeout(ms);
  // Every user's pause listens to the same signal.
  setMaxListeners(traffic.users * 4, stop);
  const mix = traffic.mix === 'quiet' ? QUIET : MIX;
  await Promise.all(
    Array.from({ length: traffic.users }, async (_, user) => {
      while (!stop.aborted) {
        const [name, action] = nextAction(mix);
        let timer: NodeJS.Timeout | undefined;
        const hung = new Promise<void>((resolve) => {
          timer = setTimeout(() => (world.tally.count(`${name} (action)`, 'hung', false), resolve()), ACTION_TIMEOUT_MS);
        });
        await Promise.race([action(world, user, stop).catch((error: unknown) => world.tally.error(`${name} (action)`, error)), hung]);
        clearTimeout(timer);
        await sleep(between(...traffic.pauseMs), stop);
      }
    }),
  );
}
