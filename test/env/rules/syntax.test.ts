import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/check-text.js';

describe('syntax rules', () => {
  it('env/missing-equals is an error at the bare key', () => {
    expect(findingsOf('missing-equals', 'A=1\nB\n', 'A=1\n# B=\n')).toMatchObject([{ status: 'error', line: 2 }]);
  });

  it('env/unparseable-line says Flask skips the line and what the others get', () => {
    const [found] = findingsOf('unparseable-line', 'A="x"y\n', '# A=\n');
    expect(found).toMatchObject({ status: 'error', line: 1 });
    expect(found?.message).toBe('Flask (python-dotenv) cannot parse this line and skips it, so Flask does not get A; Vite (loadEnv) gets "x", docker compose gets "x".');
    expect(findingsOf('unparseable-line', '=x\n', '')[0]?.message).toBe('Flask (python-dotenv) cannot parse this line and skips it.');
  });

  it('env/space-around-equals warns on spaces before or after =, not inside quoted values', () => {
    expect(findingsOf('space-around-equals', 'A =1\nB= 1\nC="x = y"\nD=\n', '# A=\n# B=\n# C=\n# D=\n').map((item) => [item.line, item.status])).toEqual([
      [1, 'warn'],
      [2, 'warn'],
    ]);
  });

  it('env/unquoted-spaces warns on unquoted values with spaces', () => {
    expect(findingsOf('unquoted-spaces', 'A=a b\nB="a b"\nC=a # comment\n', '# A=\n# B=\n# C=\n').map((item) => item.line)).toEqual([1]);
  });

  it('env/trailing-whitespace warns on any line but inside a multi-line value', () => {
    expect(findingsOf('trailing-whitespace', 'A=1 \n# note\t\nB="x \ny"\n', '# A=\n# B=\n').map((item) => item.line)).toEqual([1, 2]);
  });
});

describe('env/space-around-equals and comments', () => {
  it('accepts `KEY= # comment` (an empty value and a comment)', () => {
    expect(findingsOf('space-around-equals', 'A= # note\n', '# A=\n')).toEqual([]);
  });
});
