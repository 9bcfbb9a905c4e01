import type { Page } from 'playwright-core';

let counter = 0;
export const browserEmail = (label: string) => `${label}-${process.pid}-${Date.now()}-${++counter}@test.example`;

/** The log-in and sign-up screens. */
export class AuthPage {
  constructor(readonly page: Page) {}

  /** Fills the sign-up form that is on screen (reached directly or via a "sign up" link). */
  async signUp(name: string, email = browserEmail('customer'), password = 'correct-horse-battery'): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Sign up' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await this.page.getByText(`Signed in as ${name}`).waitFor();
    return email;
  }

  async gotoSignUp(baseUrl: string, next?: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/signup${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  }
}
