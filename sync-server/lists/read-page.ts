/** Where a page ended: the key of the last row it read, and how many of that row's items it sent (all when absent). */
export interface PagePosition {
  key: unknown;
  taken?: number;
}

export interface ViewRow {
  key: unknown;
  value?: unknown;
  doc?: unknown;
}

/** An ordered list whose rows have unique keys (a CouchDB view that ends its keys with the doc id). */
export interface PageSource<Item> {
  /** At most `count` rows in order, from the row with key `start` (included) or from the beginning. */
  rows(start: unknown, count: number): Promise<ViewRow[]>;
  /** The items each row gives, in order: none for a row a filter leaves out, several for a booking's certificates. */
  items(rows: ViewRow[]): Promise<Item[][]>;
}

/** Rows read per request at least, so that a filter leaving out most rows still moves on quickly. */
const MIN_BATCH = 50;
/**
 * Rows one page reads at most. A filter that leaves out almost every row (say, the few sessions
 * with seats left, or a customer's certificates expiring in a narrow window) then answers a short
 * page with a cursor rather than reading the whole range. A row can cost a document read or two,
 * so this bounds the time of one page: 1,000 rows stay well inside 500 ms on the embedded server.
 */
const MAX_SCANNED = 1_000;

const sameKey = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Rows the next batch reads: as many as the page still needs at the rate the rows read so far gave
 * items, but at most twice the last batch. A filter that leaves out most rows so costs a few
 * growing reads, not one read of `limit` rows after another; one that keeps most reads no more
 * than it needs.
 */
function nextBatch(needed: number, given: number, scanned: number, last: number): number {
  if (scanned === 0) return Math.max(needed, MIN_BATCH);
  const estimate = given > 0 ? Math.ceil((needed * scanned) / given) : Infinity;
  return Math.max(MIN_BATCH, Math.min(estimate, last * 2));
}

/**
 * Up to `limit` items after `after`. `next` is where the following page starts, null when the list
 * has no more rows. Keys are unique, so a page starts exactly after the last row sent even when
 * rows were added or removed in between; the cursor never skips or repeats a row that stayed.
 */
export async function readPage<Item>(source: PageSource<Item>, limit: number, after: PagePosition | null): Promise<{ items: Item[]; next: PagePosition | null }> {
  const items: Item[] = [];
  let position = after;
  let scanned = 0;
  let batch = 0;
  for (;;) {
    batch = Math.min(nextBatch(limit - items.length, items.length, scanned, batch), MAX_SCANNED - scanned);
    // One more row than the batch tells whether anything follows it; one more again for the row the cursor names.
    const rows = await source.rows(position?.key, batch + 1 + (position ? 1 : 0));
    const resumes = position !== null && rows[0] !== undefined && sameKey(rows[0].key, position.key);
    const skipRow = resumes && position!.taken === undefined;
    const candidates = rows.slice(skipRow ? 1 : 0, (skipRow ? 1 : 0) + batch);
    const more = rows.length > (skipRow ? 1 : 0) + batch;
    const expanded = await source.items(candidates);
    for (const [index, row] of candidates.entries()) {
      const rowItems = expanded[index]!;
      for (let item = index === 0 && resumes && !skipRow ? position!.taken! : 0; item < rowItems.length; item++) {
        if (items.length === limit) return { items, next: { key: row.key, taken: item } };
        items.push(rowItems[item]!);
      }
      if (items.length === limit) return { items, next: more || index < candidates.length - 1 ? { key: row.key } : null };
    }
    scanned += candidates.length;
    if (!more) return { items, next: null };
    position = { key: candidates.at(-1)!.key };
    if (scanned >= MAX_SCANNED) return { items, next: position };
  }
}
