import type { Page } from 'playwright-core';
import { beforeAll, expect, inject, it } from 'vitest';
import { signUp } from '../helpers/build-app';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { useBrowserStack } from '../helpers/stack';

const stack = useBrowserStack();
let sessionId: string;
let cookie: string;

beforeAll(async () => {
  const start = new Date(Date.UTC(2033, 6, 12, 8, 0));
  sessionId = (await insertCourseWithSession(inject('couch'), { title: `Error Summary First Aid ${Date.now()}`, start, capacity: 6 })).session._id;
  cookie = (await signUp(stack.app, undefined, 'correct-horse-battery', 'Erin Errors')).cookie;
});

const summaryOf = (page: Page) => page.locator('.error-summary');
const focusedName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? document.activeElement?.className ?? '');

it('a blank log-in gets a focused summary whose links move the keyboard to each field, then the server message', async () => {
  const page = await (await stack.browser.newContext()).newPage();
  await page.goto(`${stack.baseUrl}/#/login`);
  const form = page.getByRole('form', { name: 'Log in' });
  await form.getByRole('button', { name: 'Log in' }).click();

  const summary = summaryOf(page);
  await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expect.poll(() => focusedName(page)).toBe('error-summary');
  expect(await summary.getByRole('link').count()).toBe(2);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  expect(await focusedName(page)).toBe('email');
  await summary.getByRole('link').nth(1).click();
  expect(await focusedName(page)).toBe('password');
  expect(page.url()).toMatch(/#\/login$/);

  await form.getByLabel('Email').fill('nobody-here@test.example');
  await form.getByLabel('Password').fill('not-the-password');
  await form.getByRole('button', { name: 'Log in' }).click();
  await expect.poll(() => summary.getByRole('alert').textContent()).toMatch(/There is a problem.*(password|email)/i);
  expect(await summary.getByRole('link').count()).toBe(0);
  await page.context().close();
});

it("a booking with blank names links each attendee's name from the summary", async () => {
  const context = await stack.browser.newContext();
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: stack.baseUrl }]);
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/#/sessions/${sessionId}`);
  const form = page.getByRole('form', { name: 'Book this session' });
  await form.waitFor({ timeout: 30_000 });
  await form.getByLabel('Seats').selectOption('2');
  await form.getByRole('button', { name: 'Book 2 seats' }).click();

  const links = summaryOf(page).getByRole('link');
  await expect.poll(() => links.count()).toBe(2);
  await expect.poll(() => focusedName(page)).toBe('error-summary');
  await links.nth(1).click();
  expect(await focusedName(page)).toBe('name-1');
  await context.close();
});
