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

  async cancel(title: string): Promise<void> {
    const item = this.booking(title);
    await item.getByRole('button', { name: 'Cancel booking' }).click();
    await item.getByRole('button', { name: 'Yes, cancel it' }).click();
  }
}
