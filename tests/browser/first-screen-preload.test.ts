import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';

it('index.html preloads the calendar’s code and every chunk it imports, so the first screen does not wait to download them', () => {
  const built = inject('builtApp');
  const html = readFileSync(join(built, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/(assets\/[^"]+\.js)">/g)].map((match) => match[1]!);
  const loaded = [...preloaded, ...[...html.matchAll(/<script type="module" crossorigin src="\/(assets\/[^"]+\.js)">/g)].map((match) => match[1]!)];
  const calendar = preloaded.find((file) => /\/session-calendar-[\w-]+\.js$/.test(file));
  expect(calendar, html).toBeDefined();
  const imports = [...readFileSync(join(built, calendar!), 'utf8').matchAll(/from\s*["']\.\/([\w.-]+\.js)["']/g)].map((match) => `assets/${match[1]}`);
  expect(imports.length).toBeGreaterThan(0);
  for (const file of imports) expect(loaded).toContain(file);
});
