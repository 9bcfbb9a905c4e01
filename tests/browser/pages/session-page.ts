import type { Locator, Page } from 'playwright-core';

/** One session: its facts, live seats, the booking form and this device's requests. */
export class SessionPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, sessionId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/sessions/${sessionId}`);
    await this.page.locator('#session-heading').waitFor();
  }

  /** "4 seats left", "Only 2 seats left", "Full". */
  get seats(): Locator {
    return this.page.locator('dd.seats');
  }

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Book', exact: true });
  }

  /** The logged-out visitor's way in, which comes back to this session. */
  async startSignUp(): Promise<void> {
    await this.panel.getByRole('link', { name: 'sign up' }).click();
  }

  async startLogIn(): Promise<void> {
    await this.panel.getByRole('link', { name: 'Log in' }).click();
  }

  get form(): Locator {
    return this.page.getByRole('form', { name: 'Book this session' });
  }

  /** Fills one attendee per name; the form shows as many as the chosen seats. */
  async fill(names: string[]): Promise<void> {
    await this.form.getByLabel('Seats').selectOption(String(names.length));
    for (const [index, name] of names.entries()) {
      await this.form.getByRole('group', { name: `Attendee ${index + 1}` }).getByLabel('Name').fill(name);
    }
  }

  async submit(): Promise<void> {
    await this.form.getByRole('button', { name: /^Book/ }).click();
  }

  async book(names: string[]): Promise<void> {
    await this.fill(names);
    await this.submit();
  }

  /** The status line of this device's latest request for the session. */
  get request(): Locator {
    return this.page.locator('.booking-panel .request').first();
  }
}
