import type { PublicUser } from '../../../../../domain/schemas/auth';
import { ROLES } from '../../../../../domain/databases';
import { hrefTo } from '../../../shared/router';
import { InstructorSchedule } from './instructor-schedule';
import './schedule.css';

/** The instructor's schedule: only for the instructor role (the server checks it again on every change). */
export function SchedulePage({ user }: { user: PublicUser | null }) {
  if (user?.roles.includes(ROLES.instructor)) return <InstructorSchedule />;
  return (
    <section className="panel">
      <h1>Schedule</h1>
      <p>Only the instructor can manage the schedule.</p>
      <a href={hrefTo('/login', new URLSearchParams({ next: '/schedule' }))}>Log in as the instructor</a>
    </section>
  );
}
