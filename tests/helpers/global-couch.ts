import type { TestProject } from 'vitest/node';
import { startTestCouch, type EngineSpec, type TestCouch } from './test-couch';

declare module 'vitest' {
  export interface ProvidedContext {
    couch: TestCouch;
  }
}

/** One shared server per test project; files keep their data apart. */
export async function provideCouch(project: TestProject, spec: EngineSpec) {
  const { stop, embedded: _embedded, node: _node, ...couch } = await startTestCouch(spec);
  project.provide('couch', couch);
  return stop;
}

/** The embedded server, for the `integration` and `browser` projects. */
export default (project: TestProject) => provideCouch(project, { engine: 'embedded' });
