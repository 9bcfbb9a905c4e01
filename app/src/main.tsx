import './shared/zod-without-eval';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureInstallPrompt } from './features/pwa-install/api/install-prompt';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/sessions.css';
import './styles/booking.css';
// The calendar's styles load with the page's, not with its lazily loaded code: a dynamic import
// that brings a stylesheet resolves only once that stylesheet has loaded, one more wait before the
// first screen. Last, as when they came with that code.
import 'react-big-calendar/lib/css/react-big-calendar.css';
import './styles/calendar.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

captureInstallPrompt();

// A transition, so React renders the first screen in slices and a tap is never kept waiting for it.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
