import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

type Loaded<P> = { component: ComponentType<P> } | { error: Error };

interface Placeholders {
  /** Shown while the code loads. */
  loading: ReactNode;
  /** Shown when it could not be loaded (offline, and not yet cached). */
  failed: ReactNode;
}

/**
 * A component whose code is loaded the first time one renders, as with React.lazy, but without
 * Suspense: React reveals a Suspense boundary's content no sooner than 300 ms after its fallback
 * appeared, so a calendar whose code arrived in 30 ms still waited for that, or for some other
 * update to redraw the page. Here the code arriving is an ordinary state update, drawn at once.
 */
export function loadOnFirstUse<P extends object>(load: () => Promise<ComponentType<P>>, placeholders: Placeholders): ComponentType<P> {
  let loaded: Loaded<P> | undefined;
  let loading: Promise<Loaded<P>> | undefined;
  const start = () => (loading ??= load().then((component) => (loaded = { component }), (error: Error) => ({ error })));

  return function LoadedOnFirstUse(props: P) {
    const [state, setState] = useState(loaded);
    // Started while rendering, not after the first commit: the download is the wait.
    if (!state) void start();
    useEffect(() => {
      if (state) return;
      let mounted = true;
      void start().then((next) => mounted && setState(next));
      return () => {
        mounted = false;
      };
    }, [state]);
    if (!state) return placeholders.loading;
    if ('error' in state) return placeholders.failed;
    return <state.component {...props} />;
  };
}
