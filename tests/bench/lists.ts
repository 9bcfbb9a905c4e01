/**
 * npm run bench:lists [-- --sessions 5000 --bookings 50000 --requests 60 --pages 5 --engine embedded|couchdb]
 * Starts a private CouchDB (the embedded server, or with --engine couchdb a node of the Apache
 * CouchDB release, or COUCH_URL when set) and one sync-server on loopback, seeds `sessions`
 * sessions and `bookings` bookings (with their seat ledgers and certificates), then asks every
 * list `requests` times, one request at a time, and prints p50/p95/max latency and answer size:
 * first pages of the default windows and of a year, `next` pages, filters, If-None-Match → 304.
 * The target is p95 < 500 ms per list; it is printed, not enforced. Exits non-zero only when an
 * answer is not the expected 200 or 304.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { addDaysToDate, londonDate } from '../../domain/london-time';
import { createCustomers } from '../helpers/bookings';
import { INSTRUCTOR } from '../helpers/test-couch';
import { percentile, round } from './app/stats';
import { indexListViews, seedLists } from './lists/seed';
import { benchStack, deadline } from './engine';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '5000' },
    bookings: { type: 'string', default: '50000' },
    requests: { type: 'string', default: '60' },
    pages: { type: 'string', default: '5' },
    engine: { type: 'string', default: 'embedded' },
  },
});
const REQUESTS = Number(values.requests);
const PAGES = Number(values.pages);
const TARGET_P95_MS = 500;
const REQUEST_TIMEOUT_MS = 60_000;
const DEADLINE_MS = 10 * 60_000;

type Who = 'anyone' | 'instructor' | 'customer' | 'employer';

interface Case {
  name: string;
  url: string;
  who: Who;
  /** The list's array in the answer. */
  items: string;
  /** Time the pages after the first, following `next` up to PAGES pages a walk, instead of the first page. */
  follow?: boolean;
  /** Send the ETag of the first answer as If-None-Match and expect 304. */
  conditional?: boolean;
}

interface Answer {
  ms: number;
  status: number;
  bytes: number;
  etag: string | null;
  body: Record<string, unknown> | null;
}

async function get(url: string, headers: Record<string, string>): Promise<Answer> {
  const start = performance.now();
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  const ms = performance.now() - start;
  return { ms, status: response.status, bytes: Buffer.byteLength(text), etag: response.headers.get('etag'), body: text ? JSON.parse(text) : null };
}

const withCursor = (url: string, next: string) => `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(next)}`;

async function logIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`login of ${email} answered ${response.status}: ${await response.text()}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

function cases(today: string, courseId: string, fullSessionId: string): Case[] {
  const year = `from=${today}&to=${addDaysToDate(today, 365)}`;
  return [
    { name: 'sessions, default window', url: '/api/courses/sessions', who: 'anyone', items: 'sessions' },
    { name: 'sessions, a year, first page', url: `/api/courses/sessions?${year}`, who: 'anyone', items: 'sessions' },
    { name: 'sessions, a year, next pages', url: `/api/courses/sessions?${year}`, who: 'anyone', items: 'sessions', follow: true },
    { name: 'sessions, a year, limit=500', url: `/api/courses/sessions?${year}&limit=500`, who: 'anyone', items: 'sessions' },
    { name: 'sessions, a year, courseId', url: `/api/courses/sessions?${year}&courseId=${encodeURIComponent(courseId)}`, who: 'anyone', items: 'sessions' },
    { name: 'sessions, location=B&available=true', url: '/api/courses/sessions?location=B&available=true', who: 'anyone', items: 'sessions' },
    { name: 'sessions, If-None-Match → 304', url: '/api/courses/sessions', who: 'anyone', items: 'sessions', conditional: true },
    { name: 'availability, default window', url: '/api/calendar/availability', who: 'anyone', items: 'sessions' },
    { name: 'availability, a year, next pages', url: `/api/calendar/availability?${year}`, who: 'anyone', items: 'sessions', follow: true },
    { name: 'courses', url: '/api/courses', who: 'anyone', items: 'courses' },
    { name: 'bookings (instructor), default window', url: '/api/bookings', who: 'instructor', items: 'bookings' },
    { name: 'bookings (instructor), a year, next pages', url: `/api/bookings?${year}`, who: 'instructor', items: 'bookings', follow: true },
    { name: 'bookings (instructor), a year, limit=500', url: `/api/bookings?${year}&limit=500`, who: 'instructor', items: 'bookings' },
    { name: 'bookings (instructor), one session', url: `/api/bookings?sessionId=${encodeURIComponent(fullSessionId)}`, who: 'instructor', items: 'bookings' },
    { name: 'bookings (instructor), If-None-Match → 304', url: '/api/bookings', who: 'instructor', items: 'bookings', conditional: true },
    { name: 'bookings (customer), default window', url: '/api/bookings', who: 'customer', items: 'bookings' },
    { name: 'bookings (employer), default window', url: '/api/bookings', who: 'employer', items: 'bookings' },
    { name: 'bookings (employer), a year', url: `/api/bookings?${year}`, who: 'employer', items: 'bookings' },
    { name: 'certificates (customer)', url: '/api/certificates', who: 'customer', items: 'certificates' },
    { name: 'certificates (employer), first page', url: '/api/certificates', who: 'employer', items: 'certificates' },
    { name: 'certificates (employer), next pages', url: '/api/certificates', who: 'employer', items: 'certificates', follow: true },
    // A window holding none of the employer's certificates: the page reads its whole row budget.
    { name: 'certificates (employer), a window with none', url: `/api/certificates?from=${addDaysToDate(today, 3000)}&to=${addDaysToDate(today, 3100)}`, who: 'employer', items: 'certificates' },
    { name: 'expiring certificates, 90 days', url: '/api/certificates/expiring', who: 'instructor', items: 'certificates' },
    { name: 'expiring certificates, 366 days, next pages', url: '/api/certificates/expiring?days=366', who: 'instructor', items: 'certificates', follow: true },
  ];
}

interface Result {
  n: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Median answer size. */
  kB: number;
  /** Items in the first answer, and whether it named a next page. */
  items: number;
  next: boolean;
  /** The first request of the case, left out of the figures. */
  firstMs: number;
  underTarget: boolean;
}

async function measure(baseUrl: string, spec: Case, headers: Record<string, string>, errors: string[]): Promise<Result> {
  const url = `${baseUrl}${spec.url}`;
  const expect = (answer: Answer, status: number, what: string) => {
    if (answer.status !== status) errors.push(`${spec.name}: ${what} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    return answer.status === status;
  };
  const first = await get(url, headers);
  expect(first, 200, 'the first request');
  const sample: Answer[] = [];
  if (spec.follow) {
    for (let walk = 0; sample.length < REQUESTS && walk < REQUESTS; walk++) {
      let next = first.body?.next as string | null | undefined;
      for (let page = 2; page <= PAGES && next && sample.length < REQUESTS; page++) {
        const answer = await get(withCursor(url, next), headers);
        sample.push(answer);
        next = expect(answer, 200, `page ${page}`) ? (answer.body!.next as string | null) : null;
      }
      if (!first.body?.next) break;
    }
  } else {
    const conditional: Record<string, string> = spec.conditional && first.etag ? { 'if-none-match': first.etag } : {};
    for (let i = 0; i < REQUESTS; i++) {
      const answer = await get(url, { ...headers, ...conditional });
      sample.push(answer);
      expect(answer, spec.conditional ? 304 : 200, `request ${i + 1}`);
    }
  }
  if (!sample.length) errors.push(`${spec.name}: the first page named no next page to follow`);
  const ms = sample.map((answer) => answer.ms);
  const p95Ms = round(percentile(ms, 95));
  const items = spec.follow ? sample[0]?.body : first.body;
  return {
    n: sample.length,
    p50Ms: round(percentile(ms, 50)),
    p95Ms,
    maxMs: round(Math.max(...ms)),
    kB: round(percentile(sample.map((answer) => answer.bytes), 50) / 1024),
    items: ((items?.[spec.items] as unknown[] | undefined) ?? []).length,
    next: Boolean(items?.next),
    firstMs: round(first.ms),
    underTarget: p95Ms < TARGET_P95_MS,
  };
}

async function main() {
  deadline('bench:lists', DEADLINE_MS);
  const { couch, app } = await benchStack(values.engine);
  try {
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const [customer, employer] = await createCustomers(app.couch, 2);
    const now = new Date();
    const loadBefore = loadavg().map((load) => round(load, 2));
    const seedStart = performance.now();
    const seed = await seedLists(couch, { sessions: Number(values.sessions), bookings: Number(values.bookings), customer: customer!.name, employer: employer!.name, now });
    const seedMs = performance.now() - seedStart;
    console.log(`seeded ${seed.sessions.length} sessions, ${seed.bookings} bookings, ${seed.certificates} certificates in ${round(seedMs / 1000)} s`);
    const indexStart = performance.now();
    const indexSeconds = await indexListViews(couch);
    const indexMs = performance.now() - indexStart;
    console.log(`indexed the lists' views in ${round(indexMs / 1000)} s: ${JSON.stringify(indexSeconds)}`);

    const headers: Record<Who, Record<string, string>> = {
      anyone: {},
      instructor: { cookie: await logIn(baseUrl, INSTRUCTOR.email, INSTRUCTOR.password) },
      customer: { cookie: await logIn(baseUrl, customer!.name, 'crowd-password-0') },
      employer: { cookie: await logIn(baseUrl, employer!.name, 'crowd-password-1') },
    };
    const today = londonDate(now.toISOString());
    // A full upcoming session: the instructor's roster of it is a whole list.
    const full = seed.sessions.find((s) => s.status === 'scheduled' && s.holds.length === s.capacity) ?? seed.sessions.at(-1)!;
    const loadBeforeRequests = loadavg().map((load) => round(load, 2));
    const errors: string[] = [];
    const results: Record<string, Result> = {};
    const measureStart = performance.now();
    for (const spec of cases(today, seed.courses[0]!._id, full._id)) {
      results[spec.name] = await measure(baseUrl, spec, headers[spec.who], errors);
    }
    const report = {
      engine: couch.engine,
      seeded: {
        sessions: seed.sessions.length,
        bookings: seed.bookings,
        certificates: seed.certificates,
        customerBookings: seed.customerBookings,
        employerBookings: seed.employerBookings,
        seconds: round(seedMs / 1000),
        indexSeconds: round(indexMs / 1000),
        indexSecondsPerView: indexSeconds,
      },
      requestsPerList: REQUESTS,
      loadAverage: { beforeSeed: loadBefore, beforeRequests: loadBeforeRequests, atEnd: loadavg().map((load) => round(load, 2)) },
      measuredSeconds: round((performance.now() - measureStart) / 1000),
      targetP95Ms: TARGET_P95_MS,
      lists: results,
      errors,
    };
    console.log(JSON.stringify(report, null, 2));
    console.table(
      Object.fromEntries(
        Object.entries(results).map(([name, r]) => [
          name,
          { n: r.n, 'p50 ms': r.p50Ms, 'p95 ms': r.p95Ms, 'max ms': r.maxMs, kB: r.kB, items: r.items, next: r.next, 'first ms': r.firstMs, [`p95 < ${TARGET_P95_MS}`]: r.underTarget },
        ]),
      ),
    );
    const over = Object.entries(results).filter(([, r]) => !r.underTarget);
    console.log(over.length ? `p95 at or over ${TARGET_P95_MS} ms: ${over.map(([name]) => name).join('; ')}` : `every list's p95 is under ${TARGET_P95_MS} ms`);
    if (errors.length) {
      console.error(`${errors.length} unexpected answers:\n${errors.slice(0, 20).join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await app.close();
    await couch.stop();
  }
}

await main();
