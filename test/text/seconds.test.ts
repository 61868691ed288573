import { describe, expect, it } from 'vitest';
import { formatSeconds } from '../../src/text/seconds.js';

describe('formatSeconds', () => {
  it('shows a measured time with one decimal below 10 s and in whole seconds from there', () => {
    expect(formatSeconds(1_540)).toBe('1.5 s');
    expect(formatSeconds(2_000)).toBe('2.0 s');
    expect(formatSeconds(9_940)).toBe('9.9 s');
    expect(formatSeconds(12_345)).toBe('12 s');
  });

  it('shows a configured limit as a user writes it: at most one decimal, no trailing zero', () => {
    expect(formatSeconds(5_000, 'limit')).toBe('5 s');
    expect(formatSeconds(100, 'limit')).toBe('0.1 s');
    expect(formatSeconds(12_500, 'limit')).toBe('12.5 s');
  });
});
