import { describe, expect, it } from 'vitest';
import { holdsControlCodes, plainText } from '../../src/text/ansi.js';

describe('plainText', () => {
  it('removes colours, cursor moves and titles, and returns text without them as it is', () => {
    expect(plainText('\u001b[1;31mERROR\u001b[0m: \u009b2mdone\u001b]0;title\u0007')).toBe('ERROR: done');
    const plain = 'no codes here';
    expect(plainText(plain)).toBe(plain);
  });

  it('tells whether text may hold control sequences', () => {
    expect(holdsControlCodes('a\u001b[0m')).toBe(true);
    expect(holdsControlCodes('a\u009bm')).toBe(true);
    expect(holdsControlCodes('plain')).toBe(false);
  });
});
