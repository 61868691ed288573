import { describe, expect, it } from 'vitest';
import { outputTail } from '../../src/install/output-tail.js';

describe('outputTail', () => {
  it('keeps the last non-empty lines without colours or trailing spaces', () => {
    const output = ['one', '', '\u001b[31mERROR: two\u001b[39m   ', 'three\r\n'].join('\n');
    expect(outputTail(output)).toEqual(['one', 'ERROR: two', 'three']);
    expect(outputTail(output, 2)).toEqual(['ERROR: two', 'three']);
  });

  it('keeps 20 lines by default', () => {
    const output = Array.from({ length: 30 }, (_, index) => `line ${index}`).join('\n');
    expect(outputTail(output)).toHaveLength(20);
    expect(outputTail(output)[0]).toBe('line 10');
  });
});
