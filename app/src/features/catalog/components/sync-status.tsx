import type { ReplicationState } from '../../../shared/catalog/catalog-messages';

const TEXT: Record<Exclude<ReplicationState['kind'], 'stopped'>, string> = {
  connecting: 'Connecting to the booking server…',
  transferring: 'Updating course dates…',
  'up-to-date': 'Course dates are up to date.',
  retrying: 'Cannot reach the booking server. Showing the dates saved on this device; trying again soon.',
};

interface SyncStatusProps {
  state: ReplicationState;
  onRetry: () => void;
}

/** How fresh the list is. Worded without "online"/"offline": the connection badge says that. */
export function SyncStatus({ state, onRetry }: SyncStatusProps) {
  if (state.kind !== 'stopped') {
    return (
      <p className="sync-status" data-state={state.kind}>
        {TEXT[state.kind]}
      </p>
    );
  }
  return (
    <div className="sync-status" data-state="stopped">
      <p>Course dates stopped updating ({state.message}). Showing the dates saved on this device.</p>
      <button type="button" className="button button--quiet" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
