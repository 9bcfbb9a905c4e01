import type { ServerScope } from 'nano';
import { KeyedBatches, type ItemOutcome } from './keyed-batches';

type Doc = { _id: string; _rev?: string; [field: string]: unknown };

type BulkResult = { id: string; rev?: string; error?: string; reason?: string };

const STATUS: Record<string, number> = { conflict: 409, forbidden: 403, unauthorized: 401 };

/** One document's refusal inside a `_bulk_docs` answer, shaped like nano's error for a single write. */
export class DocWriteError extends Error {
  readonly statusCode: number;

  constructor(readonly result: BulkResult) {
    super(result.reason ?? result.error ?? 'write refused');
    this.statusCode = STATUS[result.error ?? ''] ?? 500;
  }
}

const outcomeOf = (result: BulkResult | undefined, doc: Doc): ItemOutcome<{ rev: string }> =>
  result?.rev && !result.error
    ? { status: 'fulfilled', value: { rev: result.rev } }
    : { status: 'rejected', reason: new DocWriteError(result ?? { id: doc._id, error: 'missing', reason: 'No answer for this document.' }) };

/**
 * Group commit of single-document writes: writes to a database asked for while a `_bulk_docs`
 * request to it is in flight go together in the next one. Each document is still accepted or
 * refused on its own (no `all_or_nothing`), with its `_rev` checked as a PUT checks it, so a caller
 * sees what its own write would have answered; a whole request that fails fails each write in it.
 */
export class BulkWrites {
  private readonly batches: KeyedBatches<Doc, { rev: string }>;

  constructor(server: ServerScope, maxBatch = 200) {
    this.batches = new KeyedBatches(async (db, docs) => {
      const results = (await server.use(db).bulk({ docs })) as BulkResult[];
      return docs.map((doc, i) => outcomeOf(results[i], doc));
    }, maxBatch);
  }

  write(db: string, doc: Doc): Promise<{ rev: string }> {
    return this.batches.add(db, doc);
  }
}
