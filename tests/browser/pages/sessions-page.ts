import type { Locator, Page } from 'playwright-core';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface FilterChoice {
  course?: string;
  location?: 'A' | 'B';
  from?: string;
  to?: string;
  withSeats?: boolean;
}

/** Types an ISO date into a day, month and year date input, year last so the date applies once. */
async function fillDate(group: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-') as [string, string, string];
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
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

  /** On a phone the filters sit behind a "Filter sessions" disclosure. */
  get filtersToggle(): Locator {
    return this.page.locator('.filters-disclosure > summary');
  }

  async filter(choice: FilterChoice): Promise<void> {
    const closed = this.page.locator('.filters-disclosure:not([open]) > summary');
    if (await closed.count()) await closed.click();
    const form = this.page.getByRole('form', { name: 'Filter sessions' });
    if (choice.course) await form.getByLabel('Course').selectOption({ label: choice.course });
    if (choice.location) await form.getByLabel('Location').selectOption(choice.location);
    if (choice.from) await fillDate(form.getByRole('group', { name: 'From' }), choice.from);
    if (choice.to) await fillDate(form.getByRole('group', { name: 'To' }), choice.to);
    if (choice.withSeats !== undefined) await form.getByLabel('Only sessions with seats').setChecked(choice.withSeats);
  }

  async showView(name: 'Month' | 'Week' | 'Day' | 'Agenda'): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }
}
