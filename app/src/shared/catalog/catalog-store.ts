import { DOC_TYPES } from '../../../../domain/doc-ids';
import type { CourseDoc, SessionDoc } from '../../../../domain/schemas/catalog';
import type { CatalogDoc } from './catalog-db';
import { asCourseDoc, asSessionDoc } from './catalog-guards';
import { readSavedCatalog, saveCatalog } from './saved-catalog';

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

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// ISO instants sort by code unit; localeCompare's collation would cost more than the rest of an update.
const bySoonest = (a: SessionDoc, b: SessionDoc): number => byCodeUnits(firstStart(a), firstStart(b));

const SAVE_AFTER_QUIET_MS = 1_000;

/**
 * The local catalog held in memory for the life of the page: read once (from the saved copy when
 * there is one), then kept current from the local changes feed doc by doc. Re-reading thousands of
 * docs on every replicated seat change would make live seat counts lag; applying the one changed
 * doc does not.
 */
class CatalogStore {
  private snapshot = EMPTY;
  private readonly sessions = new Map<string, SessionDoc>();
  private readonly courses = new Map<string, CourseDoc>();
  private readonly listeners = new Set<() => void>();
  private started = false;
  private emitTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The local update sequence the maps reflect (at least). */
  private seq: number | string = 0;

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

  private save(db: PouchDB.Database): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const docs = [...this.courses.values(), ...this.sessions.values()];
    // A copy that failed to save only costs the next start a full read.
    saveCatalog(db, { seq: this.seq, docs }).catch(() => undefined);
  }

  /**
   * Once replication has gone quiet, so a sync burst is saved once rather than once per batch; at
   * the latest when the page is hidden, since a phone may then end it without warning.
   */
  private scheduleSave(db: PouchDB.Database): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(db), SAVE_AFTER_QUIET_MS);
  }

  private saveWhenHidden(db: PouchDB.Database): void {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && this.saveTimer !== undefined) this.save(db);
    });
  }

  private async readAll(db: PouchDB.Database<CatalogDoc>): Promise<void> {
    this.seq = (await db.info()).update_seq;
    const all = await db.allDocs({ include_docs: true });
    for (const row of all.rows) if ('doc' in row && row.doc) this.apply(row.doc);
    this.scheduleSave(db);
  }

  private async start(): Promise<void> {
    this.started = true;
    try {
      // PouchDB loads after the shell has rendered, not before it.
      const db = (await import('./catalog-db')).localCatalog();
      this.saveWhenHidden(db);
      const saved = await readSavedCatalog(db);
      if (saved) {
        for (const doc of saved.docs) this.apply(doc);
        this.seq = saved.seq;
      } else {
        await this.readAll(db);
      }
      this.emit();
      db.changes({ since: this.seq, live: true, include_docs: true }).on('change', (change) => {
        this.apply(change.doc ?? { _id: change.id, _deleted: true });
        this.seq = change.seq;
        this.scheduleEmit();
        this.scheduleSave(db);
      });
    } catch (error) {
      this.snapshot = { ...EMPTY, status: 'error', message: (error as Error).message };
      for (const listener of this.listeners) listener();
    }
  }
}

export const catalogStore = new CatalogStore();
