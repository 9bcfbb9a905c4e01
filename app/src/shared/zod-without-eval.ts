/**
 * The page's CSP has no 'unsafe-eval'. Unless `jitless` is set, zod probes for eval with
 * `new Function` when it builds its first object schema, and the browser reports the refused probe
 * as a CSP violation. zod keeps its configuration on this global (shared by every copy of zod on a
 * page) and adopts one that exists before it loads, so setting it here keeps zod itself out of the
 * first-render bundle. main.tsx imports this first; the browser CSP test fails if zod ever probes.
 */
const host = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
host.__zod_globalConfig = { ...host.__zod_globalConfig, jitless: true };

export {};
