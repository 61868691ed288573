// The ring bookkeeping the terminal UI's scrollback and the running tovrun's log book share.
import { describe, expect, it } from 'vitest';
import { cutLongLine, LineRing, maxKeptLineChars } from '../../src/text/line-ring.js';

/** A ring that keeps numbers, to see the slots it is given. */
class NumberRing extends LineRing {
  readonly values: number[] = [];
  push(value: number): void {
    this.values[this.claimSlot()] = value;
  }
  at(index: number): number | undefined {
    const slot = this.slotOf(index);
    return slot < 0 ? undefined : this.values[slot];
  }
}

describe('LineRing', () => {
  it('keeps absolute indexes while the oldest lines are dropped', () => {
    const ring = new NumberRing(3);
    for (let value = 0; value < 5; value += 1) ring.push(value * 10);
    expect([ring.first, ring.end, ring.size]).toEqual([2, 5, 3]);
    expect([1, 2, 3, 4, 5].map((index) => ring.at(index))).toEqual([undefined, 20, 30, 40, undefined]);
  });
});

describe('cutLongLine', () => {
  it('keeps maxKeptLineChars characters of a longer line and marks the cut', () => {
    expect(cutLongLine('short')).toBe('short');
    const cut = cutLongLine('x'.repeat(maxKeptLineChars + 5));
    expect(cut).toHaveLength(maxKeptLineChars + 1);
    expect(cut.endsWith('…')).toBe(true);
  });
});
