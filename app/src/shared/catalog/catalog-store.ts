import { DOC_TYPES } from '../../../../domain/doc-ids';
import type { CourseDoc, SessionDoc } from '../../../../domain/schemas/catalog';
import type { CatalogDoc } from './catalog-db';
import type { Removed } from './catalog-messages';
import { onCatalogMessage, postToCatalog } from './catalog-worker-client';

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

/**
 * The catalog held in memory for the life of the page, as the catalog worker sends it: shaped docs
 * on start, then each changed doc. Applying the one changed doc keeps live seat counts quick; a seat
 * change keeps the order, so only a new, moved or removed session sorts the list again.
 */
class CatalogStore {
  private snapshot = EMPTY;
  private readonly sessions = new Map<string, SessionDoc>();
  private readonly courses = new Map<string, CourseDoc>();
  private readonly listeners = new Set<() => void>();
  private orderChanged = true;

  /**
   * Listens from the moment this module loads: the worker sends the catalog once, so a screen that
   * subscribes later (a lazy-loaded route) must find it here rather than miss it.
   */
  constructor() {
    this.start();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CatalogSnapshot => this.snapshot;

  private apply(doc: CatalogDoc | Removed): void {
    const id = doc._id;
    const before = this.sessions.get(id);
    this.sessions.delete(id);
    this.courses.delete(id);
    if ('_deleted' in doc) {
      if (before) this.orderChanged = true;
      return;
    }
    if (id.startsWith(`${DOC_TYPES.session}:`)) {
      const session = doc as SessionDoc;
      this.sessions.set(id, session);
      if (!before || firstStart(before) !== firstStart(session)) this.orderChanged = true;
    } else {
      this.courses.set(id, doc as CourseDoc);
    }
  }

  private emit(): void {
    const sessions = this.orderChanged
      ? [...this.sessions.values()].sort(bySoonest)
      : this.snapshot.sessions.map((session) => this.sessions.get(session._id)!);
    this.orderChanged = false;
    this.snapshot = { status: 'ready', sessions, sessionsById: new Map(this.sessions), courses: new Map(this.courses) };
    for (const listener of this.listeners) listener();
  }

  private fail(message: string): void {
    this.snapshot = { ...EMPTY, status: 'error', message };
    for (const listener of this.listeners) listener();
  }

  private start(): void {
    onCatalogMessage((message) => {
      if (message.type === 'loaded' || message.type === 'changed') {
        for (const doc of message.docs) this.apply(doc);
        if (message.type === 'changed' || message.last) this.emit();
      } else if (message.type === 'failed') {
        this.fail(message.message);
      }
    });
    // A phone may end a hidden page without warning: the worker saves its copy then.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') postToCatalog({ type: 'hidden' });
    });
  }
}

export const catalogStore = new CatalogStore();
