import { DOC_TYPES } from '../../../../domain/doc-ids';
import type { CourseDoc, SessionDoc } from '../../../../domain/schemas/catalog';
import type { CatalogDoc } from './catalog-db';
import { asCourseDoc, asSessionDoc } from './catalog-guards';

export interface CatalogSnapshot {
  status: 'loading' | 'ready' | 'error';
  message?: string;
  /** Soonest first. */
  sessions: readonly SessionDoc[];
  sessionsById: ReadonlyMap<string, SessionDoc>;
  courses: ReadonlyMap<string, CourseDoc>;
}

const EMPTY: CatalogSnapshot = { status: 'loading', sessions: [], sessionsById: new Map(), courses: new Map() };

export const firstStart = (session: SessionDoc): string => session.days[0]?.start ?? session.updatedAt;

const bySoonest = (a: SessionDoc, b: SessionDoc): number => firstStart(a).localeCompare(firstStart(b));

/**
 * The local catalog held in memory for the life of the page: read once, then kept current from
 * the local changes feed doc by doc. Re-reading thousands of docs on every replicated seat change
 * would make live seat counts lag; applying the one changed doc does not.
 */
class CatalogStore {
  private snapshot = EMPTY;
  private readonly sessions = new Map<string, SessionDoc>();
  private readonly courses = new Map<string, CourseDoc>();
  private readonly listeners = new Set<() => void>();
  private started = false;
  private emitTimer: ReturnType<typeof setTimeout> | undefined;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.started) void this.start();
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CatalogSnapshot => this.snapshot;

  private apply(doc: CatalogDoc | { _id: string; _deleted?: boolean }): void {
    const id = doc._id;
    this.sessions.delete(id);
    this.courses.delete(id);
    if ('_deleted' in doc && doc._deleted) return;
    if (id.startsWith(`${DOC_TYPES.session}:`)) {
      const session = asSessionDoc(doc);
      if (session) this.sessions.set(id, session);
    } else if (id.startsWith(`${DOC_TYPES.course}:`)) {
      const course = asCourseDoc(doc);
      if (course) this.courses.set(id, course);
    }
  }

  private emit(): void {
    this.snapshot = {
      status: 'ready',
      sessions: [...this.sessions.values()].sort(bySoonest),
      sessionsById: new Map(this.sessions),
      courses: new Map(this.courses),
    };
    for (const listener of this.listeners) listener();
  }

  /** Replication writes in bursts: one snapshot per burst, not one per document. */
  private scheduleEmit(): void {
    this.emitTimer ??= setTimeout(() => {
      this.emitTimer = undefined;
      this.emit();
    }, 0);
  }

  private async start(): Promise<void> {
    this.started = true;
    try {
      // PouchDB loads after the shell has rendered, not before it.
      const db = (await import('./catalog-db')).localCatalog();
      const { update_seq: since } = await db.info();
      const all = await db.allDocs({ include_docs: true });
      for (const row of all.rows) if ('doc' in row && row.doc) this.apply(row.doc);
      this.emit();
      db.changes({ since, live: true, include_docs: true }).on('change', (change) => {
        this.apply(change.doc ?? { _id: change.id, _deleted: true });
        this.scheduleEmit();
      });
    } catch (error) {
      this.snapshot = { ...EMPTY, status: 'error', message: (error as Error).message };
      for (const listener of this.listeners) listener();
    }
  }
}

export const catalogStore = new CatalogStore();
