import type { Locator, Page } from 'playwright-core';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface FilterChoice {
  course?: string;
  location?: 'A' | 'B';
  from?: string;
  to?: string;
  withSeats?: boolean;
}

/** The calendar page: filters, calendar views, session links. */
export class SessionsPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/#/${query ? `?${query}` : ''}`);
    await this.heading.waitFor();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Courses', level: 1 });
  }

  get matchCount(): Locator {
    return this.page.locator('.sessions__count');
  }

  /** Every link to a session of a course whose title contains `title`. */
  sessionLinks(title: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(escape(title)) });
  }

  async filter(choice: FilterChoice): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Filter sessions' });
    if (choice.course) await form.getByLabel('Course').selectOption({ label: choice.course });
    if (choice.location) await form.getByLabel('Location').selectOption(choice.location);
    if (choice.from) await form.getByLabel('From').fill(choice.from);
    if (choice.to) await form.getByLabel('To').fill(choice.to);
    if (choice.withSeats !== undefined) await form.getByLabel('Only sessions with seats').setChecked(choice.withSeats);
  }

  async showView(name: 'Month' | 'Week' | 'Day' | 'Agenda'): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }
}
