import { hrefTo, useHashLocation } from '../shared/router';

/** Live replication ends on 401/403: a fresh login restarts it (the session epoch changes). */
export function SessionExpired() {
  const { path } = useHashLocation();
  return (
    <div className="update-banner" role="alert">
      <p>Your login has expired, so course dates stopped updating.</p>
      <a className="button button--quiet" href={hrefTo('/login', new URLSearchParams({ next: path }))}>
        Log in again
      </a>
    </div>
  );
}
