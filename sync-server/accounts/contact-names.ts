import type { ServerScope } from 'nano';
import { findUser } from './users';

const TTL_MS = 10 * 60_000;
const MAX_NAMES = 10_000;

/**
 * The display name a booking's contact carries, per account, kept for a few minutes: the account
 * read was one of the most frequent requests of a booking, and a name is set once at sign-up. Log-in
 * and /api/auth/me read the account anyway and leave its name here for the booking that follows.
 */
export class ContactNames {
  private readonly names = new Map<string, { name: Promise<string>; until: number }>();

  constructor(private readonly admin: ServerScope) {}

  of(account: string): Promise<string> {
    const hit = this.names.get(account);
    if (hit && hit.until > Date.now()) return hit.name;
    const name = findUser(this.admin, account).then((user) => user?.name ?? account);
    name.catch(() => this.names.delete(account));
    return this.keep(account, name);
  }

  remember(account: string, name: string): void {
    void this.keep(account, Promise.resolve(name));
  }

  private keep(account: string, name: Promise<string>): Promise<string> {
    if (this.names.size >= MAX_NAMES) this.names.clear();
    this.names.set(account, { name, until: Date.now() + TTL_MS });
    return name;
  }
}
