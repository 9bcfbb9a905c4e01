import { describe, expect, it } from 'vitest';
import { KeyedBatches, type ItemOutcome } from '../../../couch/client/keyed-batches';

describe('KeyedBatches', () => {
  it('sends the first item alone, then everything that arrived meanwhile for its key together, at most maxBatch at a time', async () => {
    const batches: string[][] = [];
    const grouped = new KeyedBatches<string, string>(async (key, items) => {
      batches.push(items.map((item) => `${key}:${item}`));
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((item) => ({ status: 'fulfilled', value: item.toUpperCase() }));
    }, 3);
    const answers = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((item) => grouped.add('x', item)).concat(grouped.add('y', 'f')));
    expect(answers).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(batches).toEqual([['x:a'], ['y:f'], ['x:b', 'x:c', 'x:d'], ['x:e']]);
  });

  it('rejects only the items the batch refused, and every item of a batch that throws', async () => {
    let calls = 0;
    const grouped = new KeyedBatches<number, number>(async (_key, items): Promise<ItemOutcome<number>[]> => {
      if (++calls === 3) throw new Error('database down');
      return items.map((item) => (item % 2 ? { status: 'fulfilled', value: item } : { status: 'rejected', reason: new Error(`refused ${item}`) }));
    });
    const first = await Promise.allSettled([grouped.add('k', 1), grouped.add('k', 2), grouped.add('k', 3)]);
    expect(first.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await expect(grouped.add('k', 5)).rejects.toThrow('database down');
  });
});
