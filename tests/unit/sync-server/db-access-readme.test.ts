import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_DBS } from '../../../domain/databases';
import { CALLERS, callerUser, judgeAccess, type Access } from '../../../sync-server/db-proxy/access';
import { OPERATIONS } from '../../../sync-server/db-proxy/operations';

const ACCESS_WORDS: Record<Access, string> = { read: 'read', checkpoint: 'checkpoints', write: 'write' };

/** The README's tables, rendered from the allowlist the gateway uses. */
function renderTables(): string {
  const callers = [
    `| caller | ${ALL_DBS.join(' | ')} |`,
    `| --- | ${ALL_DBS.map(() => '---').join(' | ')} |`,
    ...CALLERS.map((caller) => {
      const cells = ALL_DBS.map((db) => {
        const allowed = (Object.keys(ACCESS_WORDS) as Access[]).filter((access) => judgeAccess(callerUser(caller), db, access) === 'ok');
        return allowed.length ? allowed.map((access) => ACCESS_WORDS[access]).join(', ') : '—';
      });
      return `| ${caller} | ${cells.join(' | ')} |`;
    }),
  ];
  const operations = [
    '| operation | methods | needs |',
    '| --- | --- | --- |',
    ...OPERATIONS.map((operation) => `| ${operation.name} | ${operation.methods.join(', ')} | ${ACCESS_WORDS[operation.access]} |`),
  ];
  return `${callers.join('\n')}\n\n${operations.join('\n')}\n`;
}

describe('README', () => {
  it("states the /db gateway's roles table exactly as the allowlist decides", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(renderTables());
  });
});
