/**
 * Counts failed log-ins per account in a sliding window, so one account cannot be guessed at from
 * many addresses. Per-address limits are @fastify/rate-limit's job.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(account: string, now: number): number[] {
    const times = (this.failures.get(account) ?? []).filter((time) => now - time < this.windowMs);
    if (times.length) this.failures.set(account, times);
    else this.failures.delete(account);
    return times;
  }

  isLocked(account: string, now = Date.now()): boolean {
    return this.recent(account, now).length >= this.maxFailures;
  }

  fail(account: string, now = Date.now()): void {
    this.failures.set(account, [...this.recent(account, now), now]);
  }

  succeed(account: string): void {
    this.failures.delete(account);
  }
}
