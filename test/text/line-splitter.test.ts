import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockSplitter, LineSplitter, type SplitterOptions } from '../../src/text/line-splitter.js';
import { chunked, cuts, outputText, ReferenceLineSplitter } from '../panes/output-model.js';

function split(chunks: string[], flush = true, options: SplitterOptions = {}): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line), options);
  for (const chunk of chunks) splitter.push(chunk);
  if (flush) splitter.flush();
  return lines;
}

function blocks(chunks: string[]): string[] {
  const emitted: string[] = [];
  const splitter = new BlockSplitter((block) => emitted.push(block));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.flush();
  return emitted;
}

function referenceLines(chunks: string[]): string[] {
  const lines: string[] = [];
  const splitter = new ReferenceLineSplitter((line) => lines.push(line));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.flush();
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

describe('block splitter', () => {
  it('emits the complete lines of a chunk as one block, joined by \\n, without the final newline', () => {
    expect(blocks(['one\ntwo\nthr', 'ee\n', '\n\nfour'])).toEqual(['one\ntwo', 'three', '\n', 'four']);
  });

  it("removes one '\\r' ending each line, and keeps a '\\r' inside a line", () => {
    expect(blocks(['a\r\nb\r\r\nc\rd\r\n', 'last\r'])).toEqual(['a\nb\r\nc\rd', 'last']);
  });

  it('passes on a partial line that grows beyond 1 MiB as a block of its own', () => {
    const emitted: string[] = [];
    const splitter = new BlockSplitter((block) => emitted.push(block));
    splitter.push('x'.repeat(1024 * 1024));
    splitter.push('xx');
    expect(emitted.map((block) => block.length)).toEqual([1024 * 1024 + 2]);
  });

  it('gives the same lines as the per-line splitter, however the text is cut, one block per chunk at most', () => {
    fc.assert(
      fc.property(outputText, cuts, (text, at) => {
        const chunks = chunked(text, at);
        const emitted = blocks(chunks);
        expect(emitted.flatMap((block) => block.split('\n'))).toEqual(referenceLines(chunks));
        expect(emitted.length).toBeLessThanOrEqual(chunks.length + 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe("line splitter where a lone '\\r' ends a line (tool output: progress redraws)", () => {
  const options = { carriageReturnEndsLine: true };

  /** The lines of the whole text split at once: what the splitter must give however the text arrives. */
  const wholeLines = (text: string): string[] => {
    const lines = text.split(/\r?\n|\r/);
    if (lines.at(-1) === '') lines.pop();
    return lines;
  };

  it("ends a line at a lone '\\r', CRLF and '\\n', and joins lines split across chunks", () => {
    expect(split(['one\r\ntw', 'o\nthree'], false, options)).toEqual(['one', 'two']);
    expect(split(['one\r\ntw', 'o\nthree'], true, options)).toEqual(['one', 'two', 'three']);
    expect(split(['10%\r50%\r', '100%\r\ndone'], true, options)).toEqual(['10%', '50%', '100%', 'done']);
  });

  it("emits a line ended by '\\r' at once, and reads a '\\n' next as the rest of that CRLF, not an empty line", () => {
    expect(split(['one\r'], false, options)).toEqual(['one']);
    expect(split(['one\r', '\ntwo\r', '', '\n'], false, options)).toEqual(['one', 'two']);
    expect(split(['one\r', '\r\n'], false, options)).toEqual(['one', '']);
  });

  it('passes on a partial line that grows beyond 1 MiB', () => {
    expect(split(['x'.repeat(1024 * 1024 + 1)], false, options)).toHaveLength(1);
  });

  it('gives the lines of the whole text, however the text is cut', () => {
    fc.assert(
      fc.property(outputText, cuts, (text, at) => {
        expect(split(chunked(text, at), true, options)).toEqual(wholeLines(text));
      }),
      { numRuns: 500 },
    );
  });
});
