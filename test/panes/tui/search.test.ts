import { describe, expect, it } from 'vitest';
import { Scrollback } from '../../../src/panes/tui/scrollback.js';
import { findMatch, lineMatches, matchRanges } from '../../../src/panes/tui/search.js';

function buffer(texts: string[]): Scrollback {
  const lines = new Scrollback(100);
  for (const text of texts) lines.push({ text, service: 'api', notice: false });
  return lines;
}

describe('search', () => {
  it('matches text ignoring case and colour codes', () => {
    expect(lineMatches('\u001b[32mGET\u001b[0m /health 200', 'get /HEALTH')).toBe(true);
    expect(lineMatches('POST /login', 'health')).toBe(false);
    expect(matchRanges('Error: error', 'error')).toEqual([
      [0, 5],
      [7, 12],
    ]);
  });

  it('finds the nearest older and newer hit from a line, and none past either end', () => {
    const lines = buffer(['a hit', 'b', 'c hit', 'd', 'e hit']);
    expect(findMatch(lines, 'hit', 4, 'older')).toBe(2);
    expect(findMatch(lines, 'hit', 2, 'older')).toBe(0);
    expect(findMatch(lines, 'hit', 0, 'older')).toBeNull();
    expect(findMatch(lines, 'hit', 0, 'newer')).toBe(2);
    expect(findMatch(lines, 'hit', 4, 'newer')).toBeNull();
  });
});
