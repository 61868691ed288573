import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { firstCollectionKeyLine, isCircular } from '../../src/files/yaml-guards.js';

function parsed(text: string) {
  const counter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: counter }), counter };
}

describe('yaml guards', () => {
  it('finds the line of the first key that is a list or a mapping', () => {
    const plain = parsed('services:\n  a: { port: 1 }\n');
    expect(firstCollectionKeyLine(plain.doc, plain.counter)).toBeNull();
    const complex = parsed('services:\n  a: 1\n  ? [x, y]\n  : 2\n');
    expect(firstCollectionKeyLine(complex.doc, complex.counter)).toBe(3);
  });

  it('tells a value that contains itself from one that only repeats a shared part', () => {
    expect(isCircular(parseDocument('x: &a [*a]\n').toJS())).toBe(true);
    expect(isCircular(parseDocument('a: &s [1]\nb: *s\nc: *s\n').toJS())).toBe(false);
  });
});
