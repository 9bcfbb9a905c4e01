import { DOC_TYPES } from '../../../../domain/doc-ids';
import type { CourseDoc, SessionDoc } from '../../../../domain/schemas/catalog';
import type { CatalogDoc } from './catalog-db';
import type { Removed } from './catalog-messages';
import { onCatalogMessage, postToCatalog } from './catalog-worker-client';
import { readFirstScreen, saveFirstScreen } from './first-screen';
import { sessionsInWindow, type TimeWindow } from './time-window';

export interface CatalogSnapshot {
  /** While loading, it may already hold the courses and sessions of the dates the catalog screen last showed. */
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
  /** The worker has begun to send the catalog: from then on it is the only source. */
  private heard = false;
  private firstScreenRead = false;
  private holdsFirstScreen = false;
  /** What the catalog screen shows, saved for the next start as it was when the page was hidden. */
  private shown: TimeWindow | undefined;

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

  /**
   * The window the catalog screen shows. Until the worker has sent the catalog, the sessions of
   * that window as the screen last showed them are read at once and held, drawn by the render that
   * asks: a screen with the dates it needs while the worker is still starting.
   */
  readonly showing = (span: TimeWindow): void => {
    this.shown = span;
    if (this.heard || this.firstScreenRead) return;
    this.firstScreenRead = true;
    const docs = readFirstScreen(span);
    if (!docs) return;
    for (const doc of docs) this.apply(doc);
    this.holdsFirstScreen = true;
    this.snapshot = this.next('loading');
  };

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

  private next(status: CatalogSnapshot['status']): CatalogSnapshot {
    const sessions = this.orderChanged
      ? [...this.sessions.values()].sort(bySoonest)
      : this.snapshot.sessions.map((session) => this.sessions.get(session._id)!);
    this.orderChanged = false;
    return { status, sessions, sessionsById: new Map(this.sessions), courses: new Map(this.courses) };
  }

  private emit(): void {
    this.snapshot = this.next('ready');
    for (const listener of this.listeners) listener();
  }

  /** Only a whole catalog: a screen saved from part of one would show sessions as gone. */
  private saveScreen(): void {
    const span = this.shown;
    if (!span || this.snapshot.status !== 'ready') return;
    const sessions = sessionsInWindow(this.snapshot.sessions, span);
    saveFirstScreen(span, [...this.courses.values(), ...sessions], sessions.length);
  }

  /** The first screen's docs: the worker's copy may be newer, and holds them all. */
  private forget(): void {
    this.sessions.clear();
    this.courses.clear();
    this.orderChanged = true;
  }

  private fail(message: string): void {
    this.snapshot = { ...EMPTY, status: 'error', message };
    for (const listener of this.listeners) listener();
  }

  private start(): void {
    onCatalogMessage((message) => {
      if (message.type === 'loaded' && !this.heard) {
        this.heard = true;
        if (this.holdsFirstScreen) this.forget();
      }
      if (message.type === 'loaded' || message.type === 'changed') {
        for (const doc of message.docs) this.apply(doc);
        if (message.type === 'changed' || message.last) this.emit();
      } else if (message.type === 'failed') {
        this.fail(message.message);
      }
    });
    // A phone may end a hidden page without warning: the worker saves its copy then.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'hidden') return;
      postToCatalog({ type: 'hidden' });
      this.saveScreen();
    });
  }
}

export const catalogStore = new CatalogStore();
