import { useSyncExternalStore } from 'react';

/**
 * Hash routes (#/sessions/abc?location=B): every screen is the same cached index.html, so deep
 * links work from the service worker and from any static server with no rewrite rules.
 */
export interface HashLocation {
  path: string;
  query: URLSearchParams;
}

const listeners = new Set<() => void>();
let cached: { hash: string; location: HashLocation } | undefined;

const read = (): HashLocation => {
  const hash = location.hash;
  if (cached?.hash !== hash) {
    const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
    cached = { hash, location: { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) } };
  }
  return cached.location;
};

const subscribe = (onChange: () => void): (() => void) => {
  listeners.add(onChange);
  window.addEventListener('hashchange', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('hashchange', onChange);
  };
};

export const useHashLocation = (): HashLocation => useSyncExternalStore(subscribe, read);

export const hrefTo = (path: string, query?: URLSearchParams): string => {
  const search = query?.toString();
  return `#${path}${search ? `?${search}` : ''}`;
};

/** `replace` swaps the history entry (filter edits), so Back leaves the page instead of undoing each keystroke. */
export const navigate = (path: string, query?: URLSearchParams, { replace = false } = {}): void => {
  const href = hrefTo(path, query);
  if (!replace) {
    location.hash = href;
    return;
  }
  history.replaceState(history.state, '', href);
  for (const listener of listeners) listener();
};

/** Matches "/sessions/:id" against a path; returns the named segments, or null. */
export const matchPath = (pattern: string, path: string): Record<string, string> | null => {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const value = got[index]!;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return null;
  }
  return params;
};
