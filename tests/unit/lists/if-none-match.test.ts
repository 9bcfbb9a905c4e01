import { describe, expect, it } from 'vitest';
import { matchesIfNoneMatch } from '../../../sync-server/lists/send-page';

describe('If-None-Match', () => {
  const etag = '"abc"';
  it('matches the tag, weakly, in a list, or *', () => {
    for (const header of ['"abc"', 'W/"abc"', '"x", "abc"', ' W/"x" ,W/"abc"', '*']) expect(matchesIfNoneMatch(header, etag), header).toBe(true);
  });
  it('does not match other tags, unquoted or partial ones, or nothing', () => {
    for (const header of [undefined, '', '"abcd"', 'abc', '"ab"', '"x", "y"']) expect(matchesIfNoneMatch(header, etag), String(header)).toBe(false);
  });
});
