import type { Locator, Page } from 'playwright-core';

export class MyBookingsPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/bookings`);
    await this.page.getByRole('heading', { name: 'My bookings', level: 1 }).waitFor();
  }

  section(name: 'Upcoming' | 'Past'): Locator {
    return this.page.getByRole('region', { name });
  }

  booking(title: string): Locator {
    return this.page.locator('li.booking').filter({ hasText: title });
  }

  /** The notice on a booking whose session the instructor cancelled. */
  instructorNotice(title: string): Locator {
    return this.booking(title).getByRole('note');
  }

  /** "Confirmed" or "Cancelled". */
  status(title: string): Locator {
    return this.booking(title).locator('.booking__status');
  }

  cancelButton(title: string): Locator {
    return this.booking(title).getByRole('button', { name: 'Cancel booking' });
  }

  /** "Offline: showing your bookings as saved on …" */
  get savedCopyNotice(): Locator {
    return this.page.getByText(/^Offline: showing your bookings as saved on /);
  }

  async cancel(title: string): Promise<void> {
    await this.cancelButton(title).click();
    await this.booking(title).getByRole('button', { name: 'Yes, cancel it' }).click();
  }
}
