import { beforeAll, expect, inject, it } from 'vitest';
import { insertCourseWithSession, insertSessions } from '../helpers/catalog-fixtures';
import { useBrowserStack } from '../helpers/stack';
import { AuthPage } from './pages/auth-page';
import { SessionPage } from './pages/session-page';

const stack = useBrowserStack();
const title = `Last Seat Race ${Date.now()}`;
let sessionId: string;

beforeAll(async () => {
  const couch = inject('couch');
  const { course, session } = await insertCourseWithSession(couch, { title, start: new Date(Date.UTC(2032, 3, 6, 8, 0)), capacity: 1 });
  sessionId = session._id;
  await insertSessions(couch, course, [{ start: new Date(Date.UTC(2032, 3, 13, 8, 0)), location: 'B' }]);
});

const customer = async (name: string): Promise<SessionPage> => {
  const page = await (await stack.browser.newContext()).newPage();
  const auth = new AuthPage(page);
  await auth.gotoSignUp(stack.baseUrl, `/sessions/${sessionId}`);
  await auth.signUp(name);
  const session = new SessionPage(page);
  await session.form.waitFor({ timeout: 20_000 });
  await session.fill([name]);
  return session;
};

it('races two customers for the last seat: one is confirmed, the other rolled back with the server message and dates with room', async () => {
  const [first, second] = await Promise.all([customer('Riley First'), customer('Jordan Second')]);
  await Promise.all([first.submit(), second.submit()]);

  const outcomes = await Promise.all(
    [first, second].map(async (session) => {
      await expect.poll(() => session.request.getAttribute('data-state'), { timeout: 15_000 }).toMatch(/confirmed|rejected/);
      return { session, state: await session.request.getAttribute('data-state'), text: (await session.request.textContent()) ?? '' };
    }),
  );
  const confirmed = outcomes.filter((outcome) => outcome.state === 'confirmed');
  const rejected = outcomes.filter((outcome) => outcome.state === 'rejected');
  expect(confirmed).toHaveLength(1);
  expect(rejected).toHaveLength(1);
  expect(rejected[0]!.text).toContain('Not booked: This session does not have enough seats left.');
  expect(rejected[0]!.text).toMatch(/location B, 12 seats left/);
  await expect.poll(() => rejected[0]!.session.seats.textContent(), { timeout: 10_000 }).toContain('Full');
  await expect.poll(() => confirmed[0]!.session.seats.textContent(), { timeout: 10_000 }).toContain('Full');
});
