import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../couch/embedded/free-port';
import { launchChromium } from '../helpers/browser';

/**
 * A new user's first run, exactly as the README gives it: a fresh clone, its dependencies, then
 * `npm start` with no environment but a free PORT. Everything else must come from the defaults.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'rft-fresh-clone-'));
const clone = join(workDir, 'react-fast-training');
let port: number;
let browser: Browser;

interface Started {
  child: ChildProcess;
  output: () => string;
}

async function npmStart(): Promise<Started> {
  let output = '';
  const child = spawn('npm', ['start'], {
    cwd: clone,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
    if (health?.status === 200) return { child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`npm start did not answer /api/health in time:\n${output}`);
}

/** Ctrl-C, as the README says: the whole process group, so the embedded server stops too. */
async function stop({ child }: Started): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGINT');
  await exited;
}

const api = (path: string, init: RequestInit = {}) =>
  fetch(`http://localhost:${port}${path}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });

beforeAll(async () => {
  execFileSync('git', ['clone', '--quiet', repo, clone]);
  // `npm ci` would fetch the same lock file's packages again; the installed tree is what it gives.
  // Hard links make the copy instant; nothing in the run writes into an existing package file.
  try {
    execFileSync('cp', ['-al', join(repo, 'node_modules'), join(clone, 'node_modules')]);
  } catch {
    execFileSync('cp', ['-a', join(repo, 'node_modules'), join(clone, 'node_modules')]);
  }
  port = await freePort();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

it('starts from a fresh clone with no environment, prints the instructor log-in once, and keeps everything across a restart', async () => {
  const first = await npmStart();
  let cookie = '';
  let bookingId = '';
  try {
    const printed = /email:\s+(\S+)\s+password:\s+(\S+)/.exec(first.output());
    expect(printed, first.output()).not.toBeNull();
    const [, email, password] = printed!;
    expect(first.output()).toContain(`http://localhost:${port}`);

    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/#/login`);
    const form = page.locator('form[aria-labelledby="login-heading"]');
    await form.getByLabel('Email').fill(email!);
    await form.getByLabel('Password').fill(password!);
    await form.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Signed in as').waitFor({ timeout: 30_000 });
    await page.goto(`http://localhost:${port}/#/`);
    await page.getByText(/\d+ sessions? match/).waitFor({ timeout: 60_000 });
    expect(await page.getByText(/^0 sessions match/).count()).toBe(0);

    const signup = await api('/api/auth/signup', { method: 'POST', body: JSON.stringify({ email: 'first.customer@example.com', password: 'correct-horse-battery', name: 'First Customer' }) });
    expect(signup.status).toBe(201);
    cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
    const sessions = (await (await api('/api/courses/sessions?available=true')).json()) as { id: string }[] | { sessions: { id: string }[] };
    const sessionId = (Array.isArray(sessions) ? sessions : sessions.sessions)[0]!.id;
    const booking = await api('/api/bookings', { method: 'POST', headers: { cookie }, body: JSON.stringify({ sessionId, attendees: [{ name: 'First Customer' }] }) });
    expect(booking.status).toBe(201);
    bookingId = ((await booking.json()) as { booking: { id: string } }).booking.id;
  } finally {
    await stop(first);
  }

  const second = await npmStart();
  try {
    expect(second.output()).not.toContain('password:');
    const me = await api('/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    const mine = await api(`/api/bookings/${bookingId}`, { headers: { cookie } });
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as { booking: { status: string } }).booking.status).toBe('confirmed');
  } finally {
    await stop(second);
  }
});
