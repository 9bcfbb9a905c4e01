import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { logIn, signUp } from '../helpers/build-app';
import { seriousViolations, type AxeViolation } from '../helpers/axe';
import { insertSessionWithBookings } from '../helpers/roster-fixtures';
import { useBrowserStack } from '../helpers/stack';
import { INSTRUCTOR } from '../helpers/test-couch';

const stack = useBrowserStack();
const title = `Accessible First Aid ${Date.now()}`;
// In two days at 09:00 UTC: bookable, on the instructor's roster, and in the calendar's views of that date.
const start = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 2 * 86_400_000 + 9 * 3600_000);
const date = start.toISOString().slice(0, 10);
let sessionId: string;
let customer: string;
let instructor: string;

const DEVICES: Record<string, BrowserContextOptions> = {
  phone: { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2.625 },
  desktop: { viewport: { width: 1280, height: 800 } },
};

beforeAll(async () => {
  const account = await signUp(stack.app, undefined, 'correct-horse-battery', 'Alex Axe');
  customer = account.cookie;
  instructor = await logIn(stack.app, INSTRUCTOR.email, INSTRUCTOR.password);
  const fixture = await insertSessionWithBookings(inject('couch'), {
    title,
    start,
    days: 1,
    bookings: [{ owner: account.email, attendees: [{ name: 'Alex Axe' }, { name: 'Sam Colleague' }] }],
  });
  sessionId = fixture.session._id;
});

const open = async (device: string, cookie?: string): Promise<Page> => {
  // Reduced motion: other test files' marks reach the roster while axe runs, and a button caught halfway
  // through its 120 ms colour transition is not what anyone reads.
  const context = await stack.browser.newContext({ ...DEVICES[device], reducedMotion: 'reduce' });
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: stack.baseUrl }]);
  }
  return context.newPage();
};

/** Every screen's serious and critical violations, so one run names them all. */
const audit = () => {
  const found: Record<string, AxeViolation[]> = {};
  return {
    check: async (page: Page, screen: string) => {
      const violations = await seriousViolations(page);
      if (violations.length) found[screen] = violations;
    },
    found,
  };
};

describe.each(Object.keys(DEVICES))('no serious or critical WCAG 2.2 AA violations on a %s', (device) => {
  it('in the course calendar: month, week, day and agenda', async () => {
    const page = await open(device);
    const { check, found } = audit();
    for (const view of ['month', 'week', 'day', 'agenda']) {
      await page.goto(`${stack.baseUrl}/#/?view=${view}&date=${date}`);
      // Other files' sessions share the test database: in month view this one may sit behind "+N more".
      const event = view === 'month' ? '[data-session-id]' : `[data-session-id="${sessionId}"]`;
      await page.locator(`.session-calendar[data-view="${view}"] ${event}`).first().waitFor({ timeout: 30_000 });
      await check(page, `calendar ${view}`);
    }
    await page.context().close();
    expect(found).toEqual({});
  });

  it('on a session with its booking form, and the form with errors', async () => {
    const page = await open(device, customer);
    const { check, found } = audit();
    await page.goto(`${stack.baseUrl}/#/sessions/${sessionId}`);
    const form = page.getByRole('form', { name: 'Book this session' });
    await form.waitFor({ timeout: 30_000 });
    await check(page, 'session and booking form');
    await form.getByLabel('Seats').selectOption('2');
    await form.getByRole('button', { name: /^Book/ }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await check(page, 'booking form with errors');
    await page.context().close();
    expect(found).toEqual({});
  });

  it('on sign up and log in, blank and with errors', async () => {
    const page = await open(device);
    const { check, found } = audit();
    for (const [path, name, submit] of [
      ['signup', 'Sign up', 'Create account'],
      ['login', 'Log in', 'Log in'],
    ] as const) {
      await page.goto(`${stack.baseUrl}/#/${path}`);
      const form = page.getByRole('form', { name });
      await form.waitFor();
      await check(page, name);
      await form.getByRole('button', { name: submit }).click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
      await check(page, `${name} with errors`);
    }
    await page.context().close();
    expect(found).toEqual({});
  });

  it('on my bookings', async () => {
    const page = await open(device, customer);
    const { check, found } = audit();
    await page.goto(`${stack.baseUrl}/#/bookings`);
    await page.getByText(title).first().waitFor({ timeout: 30_000 });
    await check(page, 'my bookings');
    await page.context().close();
    expect(found).toEqual({});
  });

  it("on the instructor's schedule week and the roster", async () => {
    const page = await open(device, instructor);
    const { check, found } = audit();
    await page.goto(`${stack.baseUrl}/#/schedule?date=${date}`);
    await page.locator(`.schedule-calendar [data-session-id="${sessionId}"]`).first().waitFor({ timeout: 30_000 });
    await check(page, 'schedule week');
    await page.goto(`${stack.baseUrl}/#/roster`);
    await page.getByRole('region', { name: new RegExp(`^${title}`) }).waitFor({ timeout: 30_000 });
    await check(page, 'roster');
    await page.context().close();
    expect(found).toEqual({});
  });
});
