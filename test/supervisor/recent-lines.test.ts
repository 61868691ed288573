import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentLines } from '../../src/supervisor/recent-lines.js';

describe('recent lines', () => {
  it('keeps the last lines, oldest first', () => {
    const recent = new RecentLines(3);
    for (const line of ['a', 'b', 'c', 'd']) recent.push(line);
    expect(recent.list()).toEqual(['b', 'c', 'd']);
  });

  it('remembers a block of lines as if each line had been pushed', () => {
    const line = fc.constantFrom('', 'x', 'GET /', '\r', ' ');
    const block = fc.array(line, { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(block, { maxLength: 6 }), (capacity, blocks) => {
        const byBlock = new RecentLines(capacity);
        const byLine = new RecentLines(capacity);
        for (const lines of blocks) {
          byBlock.pushBlock(lines.join('\n'));
          for (const each of lines) byLine.push(each);
        }
        expect(byBlock.list()).toEqual(byLine.list());
      }),
      { numRuns: 500 },
    );
  });
});
