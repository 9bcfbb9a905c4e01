/** What a batch answers for each of its items, in their order. */
export type ItemOutcome<R> = { status: 'fulfilled'; value: R } | { status: 'rejected'; reason: unknown };

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit: items for one key that arrive while a batch for that key is in flight wait, then
 * go together in the next batch (at most `maxBatch` at a time). A batch that throws fails each of
 * its items; otherwise each item gets its own outcome.
 */
export class KeyedBatches<T, R> {
  private readonly queues = new Map<string, Waiting<T, R>[]>();

  constructor(
    private readonly run: (key: string, items: T[]) => Promise<ItemOutcome<R>[]>,
    private readonly maxBatch = Number.POSITIVE_INFINITY,
  ) {}

  add(key: string, item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) return queue.push({ item, resolve, reject });
      this.queues.set(key, [{ item, resolve, reject }]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(key) ?? [];
      if (!queue.length) {
        this.queues.delete(key);
        return;
      }
      const batch = queue.splice(0, this.maxBatch);
      try {
        const outcomes = await this.run(key, batch.map((waiting) => waiting.item));
        batch.forEach((waiting, i) => {
          const outcome = outcomes[i] ?? { status: 'rejected', reason: new Error('The batch gave no answer for this item.') };
          if (outcome.status === 'fulfilled') waiting.resolve(outcome.value);
          else waiting.reject(outcome.reason);
        });
      } catch (error) {
        batch.forEach((waiting) => waiting.reject(error));
      }
    }
  }
}
