import { readFileSync } from 'node:fs';
import semver from 'semver';
import { expect, it } from 'vitest';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'));

interface LockedPackage {
  engines?: { node?: string } | string[];
  dev?: boolean;
}

it('declares a Node version that every locked package supports, so npm install prints no EBADENGINE', () => {
  const declared: string = read('package.json').engines.node;
  const oldest = semver.minVersion(declared)!.version;
  const packages = read('package-lock.json').packages as Record<string, LockedPackage>;
  const refusing = Object.entries(packages)
    .filter(([, pkg]) => pkg.engines && !Array.isArray(pkg.engines) && pkg.engines.node)
    .filter(([, pkg]) => !semver.satisfies(oldest, (pkg.engines as { node: string }).node))
    .map(([path, pkg]) => `${path} wants node ${(pkg.engines as { node: string }).node}`);
  expect(refusing).toEqual([]);
  expect(semver.satisfies(process.version, declared)).toBe(true);
});

it('lets no dependency run an install script the project has not decided on', () => {
  const allowScripts: Record<string, boolean> = read('package.json').allowScripts;
  const packages = read('package-lock.json').packages as Record<string, { hasInstallScript?: boolean }>;
  const withScripts = new Set(
    Object.entries(packages)
      .filter(([, pkg]) => pkg.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
  );
  expect([...withScripts].sort()).toEqual(Object.keys(allowScripts).sort());
});
