import { useSyncExternalStore } from 'react';

export type Route = 'courses' | 'login' | 'signup';

/**
 * Hash routes (#/login, #/signup): every screen is the same cached index.html, so deep links
 * work from the service worker and from any static server with no rewrite rules.
 */
const parse = (hash: string): Route => {
  if (hash === '#/login') return 'login';
  if (hash === '#/signup') return 'signup';
  return 'courses';
};

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export const useHashRoute = (): Route => useSyncExternalStore(subscribe, () => parse(location.hash), () => 'courses');

export const goTo = (route: Route): void => {
  location.hash = route === 'courses' ? '#/' : `#/${route}`;
};
