import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../src/panes/index.js';

function split(chunks: string[], flush = true): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  for (const chunk of chunks) splitter.push(chunk);
  if (flush) splitter.flush();
  return lines;
}

describe('line splitter', () => {
  it('joins lines split across chunks and drops CRLF endings', () => {
    expect(split(['one\ntw', 'o\r\nthr', 'ee', '\n\nfour'])).toEqual(['one', 'two', 'three', '', 'four']);
  });

  it('holds a partial line until its newline or flush', () => {
    expect(split(['waiting for input'], false)).toEqual([]);
    expect(split(['waiting for input'])).toEqual(['waiting for input']);
  });

  it('passes on a partial line that grows beyond 1 MiB', () => {
    expect(split(['x'.repeat(1024 * 1024 + 1)], false)).toHaveLength(1);
  });
});
