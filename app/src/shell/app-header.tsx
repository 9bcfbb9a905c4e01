import type { ReactNode } from 'react';
import { ConnectionStatus } from '../features/connection/components/connection-status';

export function AppHeader({ children }: { children: ReactNode }) {
  return (
    <header className="app-header">
      <a className="app-header__brand" href="#/">
        <img src="/favicon.svg" alt="" width="28" height="28" />
        React Fast Training
      </a>
      <ConnectionStatus />
      <nav aria-label="Account" className="app-header__nav">
        {children}
      </nav>
    </header>
  );
}
