import type { CatalogDoc } from './catalog-db';
import type { TimeWindow } from './time-window';

/**
 * The catalog screen as it last was: the courses and the sessions of the dates it showed, kept in
 * localStorage when the page is hidden or closed. A reopened page reads it at once, where an
 * IndexedDB read took 15 to 90 ms, and the catalog worker, starting and reading the whole saved
 * copy, took longer still; what the worker then sends replaces it.
 */
interface FirstScreen extends TimeWindow {
  format: number;
  docs: CatalogDoc[];
}

const KEY = 'rft:first-screen';
const FORMAT = 1;
/** A long agenda range is left to the worker: localStorage is read in one piece, on the page's thread. */
const MAX_FIRST_SCREEN_SESSIONS = 250;

/** The saved docs, when the saved screen covered all of `span`. */
export const readFirstScreen = (span: TimeWindow): CatalogDoc[] | undefined => {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as FirstScreen | null;
    if (saved?.format !== FORMAT || saved.from > span.from || saved.to < span.to) return undefined;
    return saved.docs;
  } catch {
    return undefined;
  }
};

/** Keeps the screen for the next start; nothing when it holds too many sessions. */
export const saveFirstScreen = (span: TimeWindow, docs: CatalogDoc[], sessions: number): void => {
  try {
    if (sessions > MAX_FIRST_SCREEN_SESSIONS) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify({ format: FORMAT, ...span, docs } satisfies FirstScreen));
  } catch {
    // Full or disabled storage costs the next start only its head start.
  }
};
