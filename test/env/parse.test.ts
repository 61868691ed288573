import { describe, expect, it } from 'vitest';
import { type EnvEntry, parseEnv } from '../../src/env/parse.js';

function entry(text: string, key: string): EnvEntry | undefined {
  return parseEnv(text).entries.find((item) => item.key === key);
}

describe('parseEnv (python-dotenv semantics, with lines)', () => {
  it('numbers statements by their first line, skipping blank lines and comments', () => {
    const parsed = parseEnv('# header\n\nA=1\n\n  B=2\n# tail\n');
    expect(parsed.statements.map((statement) => [statement.kind, statement.line])).toEqual([
      ['comment', 1],
      ['entry', 3],
      ['entry', 5],
      ['comment', 6],
    ]);
  });

  it('reads unquoted values up to a comment that follows whitespace, and keeps a glued #', () => {
    expect(entry('A=foo # note\n', 'A')).toMatchObject({ value: 'foo', quote: null, rawValue: 'foo # note' });
    expect(entry('A=foo#bar\n', 'A')?.value).toBe('foo#bar');
    expect(entry('A=   padded   \n', 'A')?.value).toBe('padded');
    expect(entry('A=\n', 'A')?.value).toBe('');
  });

  it("decodes python-dotenv escapes: all in double quotes, only \\\\ and \\' in single quotes", () => {
    expect(entry('A="a\\tb\\nc\\\\d\\"e"\n', 'A')?.value).toBe('a\tb\nc\\d"e');
    expect(entry("A='a\\nb\\'c'\n", 'A')?.value).toBe("a\\nb'c");
  });

  it('spans lines for a multi-line double-quoted value', () => {
    expect(entry('A="one\ntwo"\nB=3\n', 'A')).toMatchObject({ value: 'one\ntwo', line: 1, endLine: 2 });
    expect(entry('A="one\ntwo"\nB=3\n', 'B')?.line).toBe(3);
  });

  it('accepts export, spaces around = and CRLF line ends', () => {
    expect(entry('export A=1\r\n', 'A')).toMatchObject({ value: '1', exported: true });
    expect(entry('A = 1\r\nB=2\r\n', 'B')).toMatchObject({ value: '2', line: 2 });
  });

  it('gives a key without "=" a null value', () => {
    expect(entry('A\nB=1\n', 'A')).toMatchObject({ value: null, rawValue: null, line: 1 });
  });

  it('marks what python-dotenv cannot parse as invalid, names its key when it can, and goes on', () => {
    const parsed = parseEnv('A="x"y\n=orphan\nB="open\nC=3\n');
    expect(
      parsed.statements.filter((statement) => statement.kind === 'invalid').map((statement) => [statement.line, statement.kind === 'invalid' && statement.key]),
    ).toEqual([
      [1, 'A'],
      [2, null],
      [3, 'B'],
    ]);
    expect(parsed.entries.map((item) => item.key)).toEqual(['C']);
  });

  it('notes and drops a UTF-8 byte-order mark', () => {
    const parsed = parseEnv('\uFEFFA=1\n');
    expect(parsed.bom).toBe(true);
    expect(parsed.entries[0]?.key).toBe('A');
  });
});
