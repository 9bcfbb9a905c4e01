import { useId, type ReactNode } from 'react';

/**
 * The GOV.UK notification banner: "Important" news the user should see on this screen, or
 * "Success" once something they did has worked. A success banner is an alert, so a screen reader
 * says it as soon as it appears, even when the answer comes long after the tap (a queued booking).
 */
export function NotificationBanner({ kind = 'important', children }: { kind?: 'important' | 'success'; children: ReactNode }) {
  const titleId = useId();
  return (
    <div className={`notification-banner notification-banner--${kind}`} role={kind === 'success' ? 'alert' : 'region'} aria-labelledby={titleId}>
      <h2 className="notification-banner__title" id={titleId}>
        {kind === 'success' ? 'Success' : 'Important'}
      </h2>
      <div className="notification-banner__content">{children}</div>
    </div>
  );
}
