/** Answers counted by what was asked and how it was answered; anything unexpected is kept as a failure. */
export class Tally {
  private readonly answers = new Map<string, Map<string, number>>();
  readonly failures: string[] = [];

  count(label: string, answer: number | string, expected: boolean, detail = ''): void {
    const byAnswer = this.answers.get(label) ?? new Map<string, number>();
    byAnswer.set(String(answer), (byAnswer.get(String(answer)) ?? 0) + 1);
    this.answers.set(label, byAnswer);
    if (!expected && this.failures.length < 50) this.failures.push(`${label}: ${answer} ${detail}`.trim());
  }

  /** Counts an error thrown where an answer was expected (a reset connection, a timeout). */
  error(label: string, error: unknown): void {
    this.count(label, 'error', false, error instanceof Error ? error.message : String(error));
  }

  total(): number {
    let sum = 0;
    for (const byAnswer of this.answers.values()) for (const n of byAnswer.values()) sum += n;
    return sum;
  }

  /** `{ "POST /api/bookings": { "201": 812, "409": 40 } }`, sorted by label. */
  toJSON(): Record<string, Record<string, number>> {
    return Object.fromEntries(
      [...this.answers.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, byAnswer]) => [label, Object.fromEntries(byAnswer)]),
    );
  }
}
