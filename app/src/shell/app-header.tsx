import type { ReactNode } from 'react';
import { ConnectionStatus } from '../features/connection/components/connection-status';

interface AppHeaderProps {
  install: ReactNode;
  /** The account menu. */
  children: ReactNode;
}

export function AppHeader({ install, children }: AppHeaderProps) {
  return (
    <header className="app-header">
      <a className="app-header__brand" href="#/">
        <img src="/favicon.svg" alt="" width="28" height="28" />
        React Fast Training
      </a>
      <ConnectionStatus />
      {install}
      <nav aria-label="Main" className="app-header__nav">
        <a href="#/">Courses</a>
        <a href="#/bookings">My bookings</a>
        {children}
      </nav>
    </header>
  );
}
