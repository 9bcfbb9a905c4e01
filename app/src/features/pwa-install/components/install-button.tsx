import { promptInstall, useCanInstall } from '../api/install-prompt';

/** Shown only where the browser offers to install the app. */
export function InstallButton() {
  if (!useCanInstall()) return null;
  return (
    <button type="button" className="button button--quiet" onClick={() => void promptInstall()}>
      Install app
    </button>
  );
}
