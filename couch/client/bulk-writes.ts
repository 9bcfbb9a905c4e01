import type { ServerScope } from 'nano';

type Doc = { _id: string; _rev?: string; [field: string]: unknown };

interface Waiting {
  doc: Doc;
  resolve: (written: { rev: string }) => void;
  reject: (error: unknown) => void;
}

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

/**
 * Group commit of single-document writes: writes to a database asked for while a `_bulk_docs`
 * request to it is in flight go together in the next one. Each document is still accepted or
 * refused on its own (no `all_or_nothing`), with its `_rev` checked as a PUT checks it, so a caller
 * sees what its own write would have answered; a whole request that fails fails each write in it.
 */
export class BulkWrites {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(
    private readonly server: ServerScope,
    private readonly maxBatch = 200,
  ) {}

  write(db: string, doc: Doc): Promise<{ rev: string }> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(db);
      if (queue) return queue.push({ doc, resolve, reject });
      this.queues.set(db, [{ doc, resolve, reject }]);
      void this.drain(db);
    });
  }

  private async drain(db: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(db) ?? [];
      if (!queue.length) {
        this.queues.delete(db);
        return;
      }
      const batch = queue.splice(0, this.maxBatch);
      try {
        const results = (await this.server.use(db).bulk({ docs: batch.map((waiting) => waiting.doc) })) as BulkResult[];
        batch.forEach((waiting, i) => {
          const result = results[i];
          if (result?.rev && !result.error) waiting.resolve({ rev: result.rev });
          else waiting.reject(new DocWriteError(result ?? { id: waiting.doc._id, error: 'missing', reason: 'No answer for this document.' }));
        });
      } catch (error) {
        batch.forEach((waiting) => waiting.reject(error));
      }
    }
  }
}
