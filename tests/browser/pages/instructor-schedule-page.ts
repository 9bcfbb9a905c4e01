import type { Locator, Page } from 'playwright-core';

export interface CourseFields {
  code: string;
  title: string;
  price: string;
}

export interface SeriesFields {
  course: string;
  location: 'A' | 'B';
  firstDay: string;
  count: number;
}

/** The instructor's schedule: week view, the picked session, the new-session form and the courses. */
export class InstructorSchedulePage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, date: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/schedule?date=${date}`);
    await this.week.waitFor();
  }

  async logIn(baseUrl: string, email: string, password: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/login?next=/schedule`);
    const form = this.page.getByRole('form', { name: 'Log in' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Log in' }).click();
    await this.week.waitFor();
  }

  get week(): Locator {
    return this.page.getByRole('heading', { name: 'Week', level: 2 });
  }

  /** This week's calendar entries of a course. */
  events(title: string): Locator {
    return this.page.locator('.rbc-event').filter({ hasText: title });
  }

  async showWeek(which: 'Next week' | 'Previous week'): Promise<void> {
    await this.page.getByRole('button', { name: which, exact: true }).click();
  }

  async createCourse({ code, title, price }: CourseFields): Promise<void> {
    await this.page.getByRole('button', { name: 'New course', exact: true }).click();
    const form = this.page.getByRole('form', { name: 'New course' });
    await form.getByLabel('Code').fill(code);
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Price per seat (£)').fill(price);
    await form.getByRole('button', { name: 'Create course' }).click();
    await this.page.getByText(`Saved ${title}.`).waitFor();
  }

  get sessionForm(): Locator {
    return this.page.getByRole('form', { name: 'New session' });
  }

  async fillSeries({ course, location, firstDay, count }: SeriesFields): Promise<void> {
    const form = this.sessionForm;
    await form.getByLabel('Course').selectOption({ label: `${course} (1 day)` });
    await form.getByLabel('Location').selectOption(location);
    await form.getByLabel('First day').fill(firstDay);
    await form.getByLabel('Repeats').selectOption('weekly');
    await form.getByLabel('Number of sessions').fill(String(count));
  }

  /** "4 sessions, 1 clashing." */
  get previewSummary(): Locator {
    return this.sessionForm.getByRole('region', { name: 'Preview (London time)' }).getByRole('status');
  }

  get previewItems(): Locator {
    return this.sessionForm.getByRole('region', { name: 'Preview (London time)' }).getByRole('listitem');
  }

  get saveButton(): Locator {
    return this.sessionForm.getByRole('button', { name: /^Save/ });
  }

  get formError(): Locator {
    return this.sessionForm.getByRole('alert');
  }

  get serverConflicts(): Locator {
    return this.sessionForm.getByRole('list', { name: 'Clashes found by the server' }).getByRole('listitem');
  }

  get sessionPanel(): Locator {
    return this.page.locator('.session-panel');
  }

  async openSession(title: string): Promise<void> {
    await this.events(title).first().click();
    await this.sessionPanel.getByRole('heading', { name: title }).waitFor();
  }

  /** Moves the open session to another venue and resizes it. */
  async editSession(change: { location: 'A' | 'B'; capacity: number }): Promise<void> {
    const form = this.sessionPanel.getByRole('form', { name: 'Edit session' });
    await form.getByLabel('Location').selectOption(change.location);
    await form.getByLabel('Capacity').fill(String(change.capacity));
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Changes saved.').waitFor();
  }

  /** Opens the picked session, asks for the cancel and answers with what the dialog said it would cancel. */
  async cancelSession(title: string): Promise<string> {
    await this.openSession(title);
    await this.sessionPanel.getByRole('button', { name: 'Cancel session…' }).click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Cancel this session?' });
    const said = (await dialog.locator('#cancel-session-impact').textContent()) ?? '';
    await dialog.getByRole('button', { name: 'Yes, cancel session' }).click();
    await this.sessionPanel.getByText('Session cancelled').waitFor();
    return said;
  }
}
