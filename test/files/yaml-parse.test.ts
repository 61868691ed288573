import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/files/yaml-parse.js';

describe('parseYaml', () => {
  it('reports a key written twice in one mapping at the second one, keys of different mappings apart', () => {
    expect(parseYaml('a: 1\nb:\n  a: 2\n').error).toBeNull();
    expect(parseYaml('a: 1\nb:\n  x: 2\n  y: 3\n  x: 4\n').error).toEqual({ message: 'the key "x" is written twice in one mapping', line: 5 });
    expect(parseYaml('{a: 1, "a": 2}\n').error).toMatchObject({ line: 1 });
  });

  it('tells a number key from the same text quoted, as the yaml package does', () => {
    expect(parseYaml('1: a\n"1": b\n').error).toBeNull();
  });

  it('reports a syntax error with its line before looking for duplicates', () => {
    expect(parseYaml('a: 1\nb: [\n').error?.line).toBeGreaterThanOrEqual(2);
  });

  it('cuts a long duplicate key in its message', () => {
    const key = 'k'.repeat(1000);
    expect(parseYaml(`${key}: 1\n${key}: 2\n`).error?.message).toBe(`the key "${'k'.repeat(40)}…" is written twice in one mapping`);
  });

  it('parses a 40,000-key mapping in linear time (the yaml package compared every key with every earlier one: many seconds)', () => {
    const text = Array.from({ length: 40_000 }, (_, index) => `k${index}: 1`).join('\n');
    const started = performance.now();
    const parsed = parseYaml(`${text}\nk7: 2\n`);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(parsed.error).toEqual({ message: 'the key "k7" is written twice in one mapping', line: 40_001 });
  });
});
