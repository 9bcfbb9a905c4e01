import { lazy, type ReactNode } from 'react';
import type { PublicUser } from '../../../domain/schemas/auth';
import type { SessionDoc } from '../../../domain/schemas/catalog';
import type { RosterSyncState } from '../features/instructor-attendance/api/replicate-roster';
import { SessionsPage } from '../features/sessions/components/sessions-page';

const SessionRoute = lazy(() => import('./session-route').then((module) => ({ default: module.SessionRoute })));
const MyBookingsPage = lazy(() => import('../features/booking/components/my-bookings-page').then((module) => ({ default: module.MyBookingsPage })));
const LoginForm = lazy(() => import('../features/auth/components/login-form').then((module) => ({ default: module.LoginForm })));
const SignupForm = lazy(() => import('../features/auth/components/signup-form').then((module) => ({ default: module.SignupForm })));
const RosterPage = lazy(() => import('../features/instructor-attendance/components/roster-page').then((module) => ({ default: module.RosterPage })));
const SchedulePage = lazy(() => import('../features/instructor-schedule/components/schedule-page').then((module) => ({ default: module.SchedulePage })));

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
 * Every screen, first match wins. A new screen is one entry; load it with React.lazy so its code
 * stays out of the first-render bundle (the shell wraps routes in Suspense).
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
