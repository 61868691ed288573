import { describe, expect, it } from 'vitest';
import { boundedJson, maxResultChars } from '../../src/mcp/bound.js';

describe('MCP result bound', () => {
  it('keeps a small result whole, as compact JSON', () => {
    expect(boundedJson({ a: 1, lines: ['x'] }, 'lines')).toBe('{"a":1,"lines":["x"]}');
  });

  it('leaves out the oldest items of the list until the result fits, and says how many', () => {
    const lines = Array.from({ length: 2_000 }, (_, index) => ({ text: `line ${index} ${'x'.repeat(40)}` }));
    const text = boundedJson({ source: 'live', lines }, 'lines');
    expect(text.length).toBeLessThanOrEqual(maxResultChars);
    const parsed = JSON.parse(text);
    expect(parsed.lines.at(-1).text).toMatch(/^line 1999 /);
    expect(parsed.truncated.left + parsed.truncated.kept).toBe(2_000);
    expect(parsed.truncated.note).toContain(`under ${maxResultChars} characters`);
    // One more item would not have fitted.
    expect(JSON.stringify({ source: 'live', lines: lines.slice(-(parsed.truncated.kept + 1)), truncated: parsed.truncated }).length).toBeGreaterThan(
      maxResultChars - 50,
    );
  });

  it('cuts anything else at the bound, with a note', () => {
    const text = boundedJson({ output: 'y'.repeat(50_000) }, null, 1_000);
    expect(text.length).toBe(1_000);
    expect(text).toMatch(/… \[cut: the result had 50013 characters, more than 1000\]$/);
  });
});
