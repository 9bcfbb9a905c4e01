import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { compileDesignDocs, designFilterNames, type DesignDoc } from '../../../design-docs/compile';
import { ALL_DBS, DB, ROLES } from '../../../domain/databases';

const SOURCE_ROOT = fileURLToPath(new URL('../../../design-docs/', import.meta.url));

/** Every function source of a design doc, named by where it sits. */
const functionsOf = (ddoc: DesignDoc): [string, string][] => [
  ...(ddoc.validate_doc_update ? [[`${ddoc._id} validate_doc_update`, ddoc.validate_doc_update] as [string, string]] : []),
  ...Object.entries(ddoc.filters ?? {}).map(([name, source]): [string, string] => [`${ddoc._id} filters/${name}`, source]),
  ...Object.entries(ddoc.views ?? {}).flatMap(([name, { map, reduce }]): [string, string][] => [
    [`${ddoc._id} views/${name}/map`, map],
    ...(reduce && !reduce.startsWith('_') ? [[`${ddoc._id} views/${name}/reduce`, reduce] as [string, string]] : []),
  ]),
];

const compiled = compileDesignDocs();
const allFunctions = ALL_DBS.flatMap((db) => compiled[db].flatMap(functionsOf));

describe('compileDesignDocs', () => {
  it('compiles every design doc of every database', () => {
    expect(Object.keys(compiled)).toEqual([...ALL_DBS]);
    expect(compiled[DB.catalog].map((d) => d._id)).toEqual(['_design/catalog']);
    expect(compiled[DB.bookings].map((d) => d._id)).toEqual(['_design/bookings']);
    expect(compiled[DB.attendance].map((d) => d._id)).toEqual(['_design/attendance']);
    const shape = (d: DesignDoc) => ({
      vdu: typeof d.validate_doc_update,
      filters: Object.keys(d.filters ?? {}),
      views: Object.fromEntries(Object.entries(d.views ?? {}).map(([name, v]) => [name, v.reduce ?? null])),
    });
    expect(shape(compiled[DB.catalog][0]!)).toEqual({
      vdu: 'string',
      filters: ['by_course', 'window'],
      views: { courses_by_title: null, sessions_by_course: null, sessions_by_start: null },
    });
    expect(shape(compiled[DB.bookings][0]!)).toEqual({
      vdu: 'string',
      filters: ['feed', 'roster'],
      views: { by_hold: null, by_idempotency: null, by_owner: null, by_session: '_sum', by_start: null, by_status: null, every_by_session: null },
    });
    expect(shape(compiled[DB.attendance][0]!)).toEqual({
      vdu: 'string',
      filters: ['roster'],
      views: { by_session: null, certificates_by_expiry: null },
    });
  });

  it('is deterministic, and its version is the hash of the rest of the document', () => {
    expect(JSON.stringify(compileDesignDocs())).toBe(JSON.stringify(compiled));
    for (const db of ALL_DBS) {
      for (const { version, ...rest } of compiled[db]) {
        expect(version).toMatch(/^[0-9a-f]{16}$/);
        expect(version).toBe(createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16));
        expect(rest.language).toBe('javascript');
      }
    }
  });

  it('lists filters as ddoc/name for the proxy allowlist', () => {
    expect(designFilterNames()).toEqual({
      rft_catalog: ['catalog/by_course', 'catalog/window'],
      rft_bookings: ['bookings/feed', 'bookings/roster'],
      rft_attendance: ['attendance/roster'],
    });
  });
});

describe('compileDesignDocs on a copied tree', () => {
  let root = '';
  const copy = (): string => {
    root = mkdtempSync(join(tmpdir(), 'design-docs-'));
    cpSync(SOURCE_ROOT, root, { recursive: true });
    return root;
  };
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = '';
  });

  it('changes the version of the edited design doc only', () => {
    const dir = copy();
    const file = join(dir, DB.bookings, 'bookings', 'filters', 'feed.js');
    writeFileSync(file, readFileSync(file, 'utf8').replace('return true;\n}', 'return true; \n}'));
    const edited = compileDesignDocs(dir);
    expect(edited[DB.bookings][0]!.version).not.toBe(compiled[DB.bookings][0]!.version);
    expect(edited[DB.catalog][0]!.version).toBe(compiled[DB.catalog][0]!.version);
    expect(edited[DB.attendance][0]!.version).toBe(compiled[DB.attendance][0]!.version);
  });

  it('refuses sources that CouchDB or PouchDB would misread', () => {
    const dir = copy();
    const file = join(dir, DB.catalog, 'catalog', 'views', 'sessions_by_start', 'map.js');
    const original = readFileSync(file, 'utf8');
    // `return` followed by a newline returns undefined in pouchdb-server's evaluator.
    writeFileSync(file, `// keyed by start\n${original}`);
    expect(() => compileDesignDocs(dir)).toThrow(/must hold exactly one anonymous function/);
    writeFileSync(file, `${original.trim()} // trailing`);
    expect(() => compileDesignDocs(dir)).toThrow(/must hold exactly one anonymous function/);
    writeFileSync(file, 'function (doc) { emit(doc._id, null); }\nfunction (doc) {}');
    expect(() => compileDesignDocs(dir)).toThrow(/does not parse/);
  });

  it('refuses unknown databases, files and builtin reduces', () => {
    let dir = copy();
    cpSync(join(dir, DB.catalog), join(dir, 'rft_catalogue'), { recursive: true });
    expect(() => compileDesignDocs(dir)).toThrow(/rft_catalogue is not a database/);
    rmSync(dir, { recursive: true, force: true });

    dir = copy();
    writeFileSync(join(dir, DB.catalog, 'catalog', 'notes.md'), '');
    expect(() => compileDesignDocs(dir)).toThrow(/unexpected notes\.md/);
    rmSync(dir, { recursive: true, force: true });

    dir = copy();
    writeFileSync(join(dir, DB.bookings, 'bookings', 'views', 'by_session', 'reduce.txt'), '_total\n');
    expect(() => compileDesignDocs(dir)).toThrow(/"_total" is not one of _sum/);
  });
});

describe('function sources', () => {
  it.each(allFunctions)('%s evaluates to a function the way CouchDB, PouchDB and pouchdb-server wrap it', (_, source) => {
    // pouchdb-server (couchdb-eval): `return <source>` after stripping a trailing `;`.
    expect(typeof new Function(`return ${source.replace(/;\s*$/, '')}`)()).toBe('function');
    // PouchDB filters: strict mode.
    expect(typeof new Function(`"use strict";\nreturn ${source};`)()).toBe('function');
    // PouchDB map/reduce.
    expect(typeof new Function('emit', `return (${source.replace(/;\s*$/, '')});`)(() => undefined)).toBe('function');
  });

  it.each(allFunctions)('%s is plain ES5 with no module syntax', (_, source) => {
    expect(es5Violations(source)).toEqual([]);
  });
});

describe('the ES5 check itself', () => {
  it.each([
    ['(doc) => doc', 'arrow function'],
    ['function (doc) { let a = 1; }', 'let/const'],
    ['function (doc) { var a = `x`; }', 'template string'],
    ['function (doc) { var a = { doc }; }', 'shorthand property'],
    ['function (doc) { var a = doc?.x; }', 'optional chaining'],
    ['function (doc) { if (doc) { function f() {} } }', 'function declaration inside a block'],
    ['function (doc = {}) {}', 'default or rest parameter'],
    ['async function (doc) {}', 'async'],
  ])('flags %s', (source, violation) => {
    expect(es5Violations(source)).toContain(violation);
  });

  it('passes plain ES5', () => {
    expect(es5Violations('function (doc) { function f(x) { return x; } var a = [1]; for (var i in a) { f(a[i]); } }')).toEqual([]);
  });
});

describe('roles in the validate_doc_update functions', () => {
  const granted = (source: string): string[] => [...source.matchAll(/hasRole\('([^']*)'\)/g)].map((m) => m[1]!);
  const vduOf = (db: (typeof ALL_DBS)[number]) => compiled[db][0]!.validate_doc_update!;
  const known = [...Object.values(ROLES), '_admin'];

  it('name only roles from domain/databases.ts ROLES (or _admin)', () => {
    for (const db of ALL_DBS) {
      const roles = granted(vduOf(db));
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) expect(known).toContain(role);
    }
  });

  it('grant writes to exactly the intended roles', () => {
    const unique = (db: (typeof ALL_DBS)[number]) => [...new Set(granted(vduOf(db)))].sort();
    expect(unique(DB.catalog)).toEqual(['_admin', ROLES.sync].sort());
    expect(unique(DB.bookings)).toEqual(['_admin', ROLES.sync].sort());
    expect(unique(DB.attendance)).toEqual(['_admin', ROLES.instructor, ROLES.sync].sort());
  });
});

/** Syntax that CouchDB's SpiderMonkey 1.8.5 would reject, found by walking TypeScript's parse of the source. */
function es5Violations(source: string): string[] {
  const file = ts.createSourceFile('fn.js', `(${source})`, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const banned: Partial<Record<ts.SyntaxKind, string>> = {
    [ts.SyntaxKind.ArrowFunction]: 'arrow function',
    [ts.SyntaxKind.TemplateExpression]: 'template string',
    [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: 'template string',
    [ts.SyntaxKind.TaggedTemplateExpression]: 'tagged template',
    [ts.SyntaxKind.ClassDeclaration]: 'class',
    [ts.SyntaxKind.ClassExpression]: 'class',
    [ts.SyntaxKind.SpreadElement]: 'spread',
    [ts.SyntaxKind.SpreadAssignment]: 'object spread',
    [ts.SyntaxKind.ShorthandPropertyAssignment]: 'shorthand property',
    [ts.SyntaxKind.ComputedPropertyName]: 'computed property name',
    [ts.SyntaxKind.MethodDeclaration]: 'method shorthand',
    [ts.SyntaxKind.ObjectBindingPattern]: 'destructuring',
    [ts.SyntaxKind.ArrayBindingPattern]: 'destructuring',
    [ts.SyntaxKind.ForOfStatement]: 'for...of',
    [ts.SyntaxKind.YieldExpression]: 'generator',
    [ts.SyntaxKind.AwaitExpression]: 'async',
    [ts.SyntaxKind.ImportDeclaration]: 'import',
    [ts.SyntaxKind.ExportDeclaration]: 'export',
    [ts.SyntaxKind.ExportAssignment]: 'export',
    [ts.SyntaxKind.BigIntLiteral]: 'bigint',
  };
  const visit = (node: ts.Node): void => {
    const kind = banned[node.kind];
    if (kind) found.push(kind);
    if (ts.isVariableDeclarationList(node) && node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) found.push('let/const');
    if (ts.isParameter(node) && (node.initializer || node.dotDotDotToken)) found.push('default or rest parameter');
    if ((ts.isPropertyAccessExpression(node) || ts.isCallExpression(node) || ts.isElementAccessExpression(node)) && node.questionDotToken) {
      found.push('optional chaining');
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.AsteriskAsteriskToken) found.push('ES2016+ operator');
    }
    if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) found.push('async');
    if (ts.isFunctionLike(node) && 'asteriskToken' in node && node.asteriskToken) found.push('generator');
    // ES5 strict mode allows function declarations only at the top of a function body.
    if (ts.isFunctionDeclaration(node) && !(ts.isBlock(node.parent) && ts.isFunctionLike(node.parent.parent))) {
      found.push('function declaration inside a block');
    }
    if (ts.isRegularExpressionLiteral(node) && /\/[a-z]*[uys][a-z]*$/.test(node.text)) found.push('regex flag u, y or s');
    ts.forEachChild(node, visit);
  };
  const statements = file.statements;
  const only = statements[0];
  if (statements.length !== 1 || !only || !ts.isExpressionStatement(only)) found.push('not a single expression');
  visit(file);
  return found;
}
