import { describe, expect, it } from 'vitest';
import { Scrollback } from '../../../src/panes/tui/scrollback.js';
import { maxKeptLineChars } from '../../../src/text/line-ring.js';

const line = (text: string) => ({ text, service: 'web', notice: false });

describe('scrollback', () => {
  it('keeps the newest lines up to its capacity, each at an index that does not move', () => {
    const lines = new Scrollback(3);
    for (let index = 0; index < 5; index += 1) lines.push(line(`line ${index}`));
    expect([lines.first, lines.end, lines.size]).toEqual([2, 5, 3]);
    expect(lines.at(1)).toBeUndefined();
    expect(lines.at(2)?.text).toBe('line 2');
    expect(lines.at(4)?.text).toBe('line 4');
    expect(lines.at(5)).toBeUndefined();
  });

  it('holds 10,000 lines by default and no more, whatever was pushed', () => {
    const lines = new Scrollback();
    for (let index = 0; index < 25_000; index += 1) lines.push(line(`line ${index}`));
    expect(lines.size).toBe(10_000);
    expect(lines.at(lines.first)?.text).toBe('line 15000');
  });

  it('cuts a very long line, so memory stays bounded', () => {
    const lines = new Scrollback(2);
    lines.push(line('x'.repeat(maxKeptLineChars * 3)));
    expect(lines.at(0)?.text.length).toBe(maxKeptLineChars + 1);
  });
});
