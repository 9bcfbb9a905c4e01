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
 * Each document's answer, found by its id, not its place: pouchdb-server answers a `_bulk_docs`
 * in the order its validation of each document finished, refusals first, so by place one
 * document could be told it was written with another's revision while its own write was refused.
 * A document written twice in one request takes its answers in order, as CouchDB gives them.
 */
export const outcomesById = (docs: Doc[], results: BulkResult[]): ItemOutcome<{ rev: string }>[] => {
  const byId = new Map<string, BulkResult[]>();
  for (const result of results) {
    const answers = byId.get(result.id);
    if (answers) answers.push(result);
    else byId.set(result.id, [result]);
  }
  return docs.map((doc) => outcomeOf(byId.get(doc._id)?.shift(), doc));
};

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
      return outcomesById(docs, results);
    }, maxBatch);
  }

  write(db: string, doc: Doc): Promise<{ rev: string }> {
    return this.batches.add(db, doc);
  }
}
