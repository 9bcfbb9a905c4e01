import { useRegisterSW } from 'virtual:pwa-register/react';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * registerType 'prompt': a new service worker waits until the user chooses to reload,
 * so a half-filled form is never thrown away by a surprise refresh.
 */
export function UpdateBanner() {
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // An installed PWA can stay open for days: look for a new version now and then.
      if (registration) setInterval(() => void registration.update(), UPDATE_CHECK_MS);
    },
  });
  if (!needRefresh) return null;
  return (
    <div className="update-banner" role="alert">
      <p>A new version is ready</p>
      <button type="button" onClick={() => void updateServiceWorker(true)}>
        Reload
      </button>
    </div>
  );
}
