import { describe, expect, it } from 'vitest';
import { type DisagreementCause, findReaderDisagreements } from '../../src/env/disagreements.js';
import { parseEnv } from '../../src/env/parse.js';
import { portableHint } from '../../src/env/portable-hints.js';
import { readWithAllReaders } from '../../src/env/readers/readings.js';

function disagreements(text: string) {
  const parsed = parseEnv(text);
  return findReaderDisagreements(parsed, readWithAllReaders(text, parsed));
}

describe('findReaderDisagreements', () => {
  it('finds nothing in lines all three read alike', () => {
    expect(disagreements('A=plain\nB="with # hash"\nC=x # comment\nD=${A}/x\nE=\'single\'\nexport F=1\n')).toEqual([]);
  });

  it.each<[string, DisagreementCause, number]>([
    ['A=foo#bar\n', 'hash', 1],
    ['A=`tick`\n', 'backticks', 1],
    ['A="x"y\n', 'after-quote', 1],
    ['B=1\nA="open\n', 'unterminated-quote', 2],
    ['A=${B:?needed}\n', 'shell-modifier', 1],
    ['A=${B}\nB=later\n', 'later-reference', 1],
    ["B=b\nA='${B}'\n", 'single-quoted-dollar', 2],
    ['A=pa$$word\n', 'double-dollar', 1],
    ['A=pa$word\n', 'dollar', 1],
    ['A="a\\tb"\n', 'backslash', 1],
    ['BARE\nA=after\n', 'joined-line', 2],
  ])('%j disagrees because of %s at line %i', (text, cause, line) => {
    const found = disagreements(text).find((item) => item.key === 'A');
    expect(found).toMatchObject({ cause, line });
    expect(portableHint(found as NonNullable<typeof found>).length).toBeGreaterThan(20);
  });

  it('names the line a joined key comes from and the later key a reference points to', () => {
    expect(disagreements('BARE\nA=after\n')[0]).toMatchObject({ joinedTo: 1 });
    expect(disagreements('A=${B}\nB=later\n')[0]).toMatchObject({ laterKey: 'B' });
    expect(portableHint(disagreements('A=${B}\nB=later\n')[0] as never)).toContain('Move B above line 1');
  });

  it('reports the last line of a repeated key, where every reader takes the value from', () => {
    expect(disagreements('A=1\nA=foo#bar\n')).toMatchObject([{ key: 'A', line: 2 }]);
  });
});
