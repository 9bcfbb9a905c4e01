import type { Locator, Page } from 'playwright-core';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The instructor's roster: sessions of the roster window, one row per attendee, the sync line. */
export class RosterPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Roster', level: 1 });
  }

  /** Fills the log-in form on screen; `next=/roster` brings the roster back. */
  async logIn(email: string, password: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Log in' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Log in' }).click();
    await this.heading.waitFor();
  }

  async gotoLogIn(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/login?next=/roster`);
  }

  session(title: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${escape(title)}`) });
  }

  attendee(title: string, name: string): Locator {
    return this.session(title).getByRole('listitem', { name });
  }

  async mark(title: string, name: string, status: 'Present' | 'Late' | 'Absent' | 'Left early'): Promise<void> {
    await this.attendee(title, name).getByRole('button', { name: status, exact: true }).click();
  }

  /** "Synced · 0 marks waiting to sync" */
  get syncLine(): Locator {
    return this.page.getByRole('status', { name: 'Sync' });
  }

  get pendingCount(): Locator {
    return this.page.getByTestId('pending-count');
  }

  get reLogIn(): Locator {
    return this.page.getByRole('alert').getByRole('link', { name: 'Log in again' });
  }
}
