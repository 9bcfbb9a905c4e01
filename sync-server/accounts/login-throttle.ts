/**
 * Counts failed log-ins per client address and account in a sliding window. Keyed by both, so a
 * stranger guessing at an account locks only their own address out of it, never its owner on
 * another one. How fast one address may try at all is @fastify/rate-limit's job.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((time) => now - time < this.windowMs);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  isLocked(address: string, account: string, now = Date.now()): boolean {
    return this.recent(`${address} ${account}`, now).length >= this.maxFailures;
  }

  fail(address: string, account: string, now = Date.now()): void {
    const key = `${address} ${account}`;
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(address: string, account: string): void {
    this.failures.delete(`${address} ${account}`);
  }
}
