import type { SessionDoc } from '../../../../domain/schemas/catalog';

/** A span of instants, in ms: what a screen shows. */
export interface TimeWindow {
  from: number;
  to: number;
}

/**
 * The sessions with a day in the window. Only these become calendar events: working out London
 * times for thousands of sessions the view cannot show held up the first render.
 */
export const sessionsInWindow = (sessions: readonly SessionDoc[], { from, to }: TimeWindow): SessionDoc[] =>
  sessions.filter((session) => Date.parse(session.days[0]!.start) < to && Date.parse(session.days.at(-1)!.end) > from);
