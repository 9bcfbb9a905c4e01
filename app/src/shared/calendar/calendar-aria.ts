import { useLayoutEffect, type RefObject } from 'react';

const TABLE_ROLES = '[role="rowgroup"], [role="row"], [role="columnheader"], [role="cell"]';

/**
 * react-big-calendar 1.x gives its grids table roles that do not nest, so a screen reader meets a
 * broken table (axe: aria-required-children, aria-required-parent):
 * - week and day views have rows, row groups and column headers outside any table: those roles go,
 *   leaving plain text and the event buttons, whose names say their day and hours;
 * - month rows hold the event links beside the date cells rather than in cells: each event segment
 *   becomes a cell of its row.
 */
const repair = (root: HTMLElement): void => {
  for (const element of root.querySelectorAll('.rbc-time-view')) {
    for (const misplaced of element.querySelectorAll(TABLE_ROLES)) {
      misplaced.removeAttribute('role');
      misplaced.removeAttribute('aria-sort');
    }
  }
  for (const segment of root.querySelectorAll('.rbc-month-view .rbc-row-content .rbc-row-segment:not([role])')) segment.setAttribute('role', 'cell');
};

/** Keeps the calendar under `ref` repaired as it redraws (a new week, a live seat change). */
export const useCalendarAria = (ref: RefObject<HTMLElement | null>): void => {
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    repair(root);
    const observer = new MutationObserver(() => repair(root));
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref]);
};
