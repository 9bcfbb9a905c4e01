import { useOnlineStatus } from '../../../shared/use-online-status';

/** Says the state in words; the dot only repeats it for sighted users. */
export function ConnectionStatus() {
  const online = useOnlineStatus();
  const label = online ? 'Online' : 'Offline';
  return (
    <p className="connection" data-online={online} role="status" aria-label={label}>
      <span className="connection__dot" aria-hidden="true" />
      {label}
    </p>
  );
}
