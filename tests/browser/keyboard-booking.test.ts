import type { Page } from 'playwright-core';
import { beforeAll, expect, inject, it } from 'vitest';
import { signUp } from '../helpers/build-app';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { useBrowserStack } from '../helpers/stack';

const stack = useBrowserStack();
const title = `Keyboard Booking First Aid ${Date.now()}`;
const start = new Date(Date.UTC(2033, 4, 17, 8, 0));
let courseId: string;
let cookie: string;

beforeAll(async () => {
  courseId = (await insertCourseWithSession(inject('couch'), { title, start, location: 'A', capacity: 6 })).course._id;
  cookie = (await signUp(stack.app, undefined, 'correct-horse-battery', 'Kim Keys')).cookie;
});

/** What has the keyboard focus, as a screen reader would name it, and whether the focus can be seen. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : undefined;
    const label = element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : undefined;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      text: (label ?? element?.textContent ?? '').trim(),
      group: element?.closest('fieldset')?.querySelector('legend')?.textContent ?? '',
      visible: !!style && (style.outlineStyle !== 'none' || style.boxShadow !== 'none'),
    };
  });

/** Presses Tab until the focus is where `wanted` says, at most `max` times; fails the test otherwise. */
async function tabTo(page: Page, wanted: (focus: Awaited<ReturnType<typeof focused>>) => boolean, max = 80) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab');
    const focus = await focused(page);
    if (wanted(focus)) {
      expect(focus.visible, `focus on "${focus.text}" can be seen`).toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached the wanted element in ${max} presses`);
}

it('books two seats with the keyboard alone, from the calendar to the confirmation', async () => {
  const context = await stack.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: stack.baseUrl }]);
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/#/?view=agenda&course=${encodeURIComponent(courseId)}&from=2033-05-17&to=2033-05-17`);
  await page.getByRole('link', { name: new RegExp(title) }).waitFor({ timeout: 30_000 });

  await tabTo(page, (focus) => focus.tag === 'a' && focus.text.includes(title));
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Book this session' });
  await form.waitFor({ timeout: 20_000 });

  await tabTo(page, (focus) => focus.tag === 'select' && focus.text === 'Seats');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => form.getByRole('group', { name: 'Attendee 2' }).count()).toBe(1);
  await tabTo(page, (focus) => focus.text === 'Name' && focus.group === 'Attendee 1');
  await page.keyboard.type('Kim Keys');
  await tabTo(page, (focus) => focus.text === 'Name' && focus.group === 'Attendee 2');
  await page.keyboard.type('Lee Keys');
  await tabTo(page, (focus) => focus.tag === 'button' && focus.text === 'Book 2 seats');
  await page.keyboard.press('Enter');

  await expect.poll(() => page.locator('.booking-panel .request').first().textContent(), { timeout: 20_000 }).toContain('Confirmed: 2 seats booked.');
  expect(await page.locator('dd.seats').textContent()).toContain('4 seats left');
  await context.close();
});
