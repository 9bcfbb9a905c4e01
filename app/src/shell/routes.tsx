import type { ReactNode } from 'react';
import type { PublicUser } from '../../../domain/schemas/auth';
import type { SessionDoc } from '../../../domain/schemas/catalog';
import type { RosterSyncState } from '../features/instructor-attendance/api/replicate-roster';
import { SessionsPage } from '../features/sessions/components/sessions-page';
import { loadOnFirstUse } from '../shared/load-on-first-use';

const placeholders = {
  loading: <p>Loading…</p>,
  failed: <p role="alert">Could not load this page. Check your connection, then reload the page.</p>,
};
const SessionRoute = loadOnFirstUse(async () => (await import('./session-route')).SessionRoute, placeholders);
const MyBookingsPage = loadOnFirstUse(async () => (await import('../features/booking/components/my-bookings-page')).MyBookingsPage, placeholders);
const LoginForm = loadOnFirstUse(async () => (await import('../features/auth/components/login-form')).LoginForm, placeholders);
const SignupForm = loadOnFirstUse(async () => (await import('../features/auth/components/signup-form')).SignupForm, placeholders);
const RosterPage = loadOnFirstUse(async () => (await import('../features/instructor-attendance/components/roster-page')).RosterPage, placeholders);
const SchedulePage = loadOnFirstUse(async () => (await import('../features/instructor-schedule/components/schedule-page')).SchedulePage, placeholders);

/** What the shell hands every screen. */
export interface RouteProps {
  params: Record<string, string>;
  query: URLSearchParams;
  user: PublicUser | null;
  /** Call after a log in or sign up; goes on to `next`. */
  signedIn: (user: PublicUser, next: string | null) => void;
  seatsLeftOf: (session: SessionDoc) => number;
  syncStatus: ReactNode;
  rosterSync: RosterSyncState;
}

export interface AppRoute {
  path: string;
  render: (props: RouteProps) => ReactNode;
}

/**
 * Every screen, first match wins. A new screen is one entry; load it with loadOnFirstUse so its
 * code stays out of the first-render bundle.
 */
export const ROUTES: readonly AppRoute[] = [
  { path: '/', render: ({ seatsLeftOf, syncStatus }) => <SessionsPage seatsLeftOf={seatsLeftOf} status={syncStatus} /> },
  { path: '/sessions/:id', render: ({ params, user, seatsLeftOf }) => <SessionRoute id={params.id!} user={user} seatsLeftOf={seatsLeftOf} /> },
  { path: '/bookings', render: ({ user }) => <MyBookingsPage user={user} /> },
  { path: '/roster', render: ({ user, rosterSync }) => <RosterPage user={user} sync={rosterSync} /> },
  { path: '/schedule', render: ({ user }) => <SchedulePage user={user} /> },
  { path: '/login', render: ({ query, signedIn }) => <LoginForm next={query.get('next') ?? undefined} onSuccess={(user) => signedIn(user, query.get('next'))} /> },
  { path: '/signup', render: ({ query, signedIn }) => <SignupForm next={query.get('next') ?? undefined} onSuccess={(user) => signedIn(user, query.get('next'))} /> },
];
