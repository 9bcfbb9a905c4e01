import type { SessionDoc } from '../../../../domain/schemas/catalog';

/** Instants (ms) from `from` to `to`: the dates a calendar view can show. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** Whether a day of the session falls in the window. */
export const hasDayIn = (session: SessionDoc, { from, to }: TimeWindow): boolean =>
  Date.parse(session.days[0]!.start) < to && Date.parse(session.days.at(-1)!.end) > from;
