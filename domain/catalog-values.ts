/**
 * The catalog's fixed value lists, without zod: screens that only list or check them (the
 * customer's filters) need not load the schema library before their first paint.
 */
export const LOCATIONS = ['A', 'B'] as const;
export const SESSION_STATUSES = ['scheduled', 'cancelled', 'completed'] as const;
