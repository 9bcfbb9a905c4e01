/**
 * Compiles the design-document source tree into the JSON documents CouchDB stores.
 *
 *   design-docs/<db>/<ddoc>/validate_doc_update.js
 *   design-docs/<db>/<ddoc>/views/<view>/map.js   (+ reduce.js, or reduce.txt naming a builtin such as _sum)
 *   design-docs/<db>/<ddoc>/filters/<filter>.js
 *
 * Each .js file holds one anonymous ES5 function. `version` hashes the rest of the document,
 * so the bootstrap redeploys a design doc only when its content changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { ALL_DBS, type DbName } from '../domain/databases';

export interface DesignDoc {
  _id: string;
  version: string;
  validate_doc_update?: string;
  views?: Record<string, { map: string; reduce?: string }>;
  filters?: Record<string, string>;
  language: 'javascript';
}

const DEFAULT_ROOT = fileURLToPath(new URL('.', import.meta.url));
const BUILTIN_REDUCES = ['_sum', '_count', '_stats', '_approx_count_distinct'];
const NAME = /^[a-z][a-z0-9_]*$/;

const listDirs = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();

const checkName = (name: string, where: string): void => {
  if (!NAME.test(name)) throw new Error(`${where}: "${name}" must be lower-case letters, digits or _.`);
};

const expectOnly = (dir: string, allowed: readonly string[]): void => {
  const unexpected = readdirSync(dir).filter((name) => !allowed.includes(name));
  if (unexpected.length > 0) throw new Error(`${dir}: unexpected ${unexpected.join(', ')} (allowed: ${allowed.join(', ')}).`);
};

/**
 * Reads one function source. CouchDB, PouchDB and pouchdb-server each wrap it as `return <source>`,
 * so it must start with `function` (a leading comment or newline would make `return` return undefined)
 * and end with `}` (a trailing line comment would swallow the wrapper's closing bracket).
 */
function readFunction(file: string): string {
  const source = readFileSync(file, 'utf8').trim();
  if (!/^function\s*\(/.test(source) || !source.endsWith('}')) {
    throw new Error(`${file}: must hold exactly one anonymous function: start with "function (" and end with "}".`);
  }
  let value: unknown;
  try {
    value = runInNewContext(`(${source})`, {});
  } catch (error) {
    throw new Error(`${file}: does not parse: ${(error as Error).message}`);
  }
  if (typeof value !== 'function') throw new Error(`${file}: does not evaluate to a function.`);
  return source;
}

const readReduce = (viewDir: string): string | undefined => {
  const js = join(viewDir, 'reduce.js');
  const builtin = join(viewDir, 'reduce.txt');
  if (existsSync(js) && existsSync(builtin)) throw new Error(`${viewDir}: keep reduce.js or reduce.txt, not both.`);
  if (existsSync(js)) return readFunction(js);
  if (!existsSync(builtin)) return undefined;
  const name = readFileSync(builtin, 'utf8').trim();
  if (!BUILTIN_REDUCES.includes(name)) throw new Error(`${builtin}: "${name}" is not one of ${BUILTIN_REDUCES.join(', ')}.`);
  return name;
};

const readViews = (dir: string): DesignDoc['views'] => {
  if (!existsSync(dir)) return undefined;
  const views: NonNullable<DesignDoc['views']> = {};
  for (const name of listDirs(dir)) {
    checkName(name, dir);
    const viewDir = join(dir, name);
    expectOnly(viewDir, ['map.js', 'reduce.js', 'reduce.txt']);
    const map = readFunction(join(viewDir, 'map.js'));
    const reduce = readReduce(viewDir);
    views[name] = reduce === undefined ? { map } : { map, reduce };
  }
  return views;
};

const readFilters = (dir: string): DesignDoc['filters'] => {
  if (!existsSync(dir)) return undefined;
  const filters: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.js')) throw new Error(`${dir}: unexpected ${file} (filters are <name>.js).`);
    const name = file.slice(0, -'.js'.length);
    checkName(name, dir);
    filters[name] = readFunction(join(dir, file));
  }
  return filters;
};

/** Hash of the document as CouchDB would store it, minus `version`; keys are inserted in a fixed order. */
const versionOf = (doc: Omit<DesignDoc, 'version'>): string =>
  createHash('sha256').update(JSON.stringify(doc)).digest('hex').slice(0, 16);

const compileDesignDoc = (dir: string, name: string): DesignDoc => {
  checkName(name, dir);
  expectOnly(dir, ['validate_doc_update.js', 'views', 'filters']);
  const vdu = join(dir, 'validate_doc_update.js');
  const filters = readFilters(join(dir, 'filters'));
  const views = readViews(join(dir, 'views'));
  // Keys in alphabetical order, absent parts left out, so the JSON (and its hash) depends only on the sources.
  const content: Omit<DesignDoc, 'version'> = {
    _id: `_design/${name}`,
    ...(filters && { filters }),
    language: 'javascript',
    ...(existsSync(vdu) && { validate_doc_update: readFunction(vdu) }),
    ...(views && { views }),
  };
  return { ...content, version: versionOf(content) };
};

/** Every design doc of every database, read from `root` (default: this folder); sorted by `_id`. */
export function compileDesignDocs(root: string = DEFAULT_ROOT): Record<DbName, DesignDoc[]> {
  const unknown = listDirs(root).filter((name) => !(ALL_DBS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`${root}: ${unknown.join(', ')} is not a database (${ALL_DBS.join(', ')}).`);
  const result = {} as Record<DbName, DesignDoc[]>;
  for (const db of ALL_DBS) {
    const dbDir = join(root, db);
    result[db] = existsSync(dbDir) ? listDirs(dbDir).map((name) => compileDesignDoc(join(dbDir, name), name)) : [];
  }
  return result;
}

let projectDocs: Record<DbName, DesignDoc[]> | undefined;

/** The project's own design docs, compiled once per process: bootstrap, health and the gateway share them. */
export const projectDesignDocs = (): Record<DbName, DesignDoc[]> => (projectDocs ??= compileDesignDocs());

/** `ddoc/filter` names per database, as `_changes?filter=` takes them: the proxy's allowlist. */
export function designFilterNames(compiled: Record<DbName, DesignDoc[]> = projectDesignDocs()): Record<DbName, string[]> {
  const result = {} as Record<DbName, string[]>;
  for (const db of ALL_DBS) {
    result[db] = compiled[db].flatMap((ddoc) =>
      Object.keys(ddoc.filters ?? {}).map((filter) => `${ddoc._id.slice('_design/'.length)}/${filter}`),
    );
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(compileDesignDocs(), null, 2));
}
