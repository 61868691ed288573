import { describe, expect, it } from 'vitest';
import { type LineSource, lastErrorBlock } from '../../src/text/error-blocks.js';

/** The lines as a source whose first index is offset (as a ring that dropped its oldest lines). */
function buffer(texts: Array<string | { notice: string }>, offset = 0): LineSource {
  const lines = texts.map((text) => (typeof text === 'string' ? { text, notice: false } : { text: text.notice, notice: true }));
  return { first: offset, end: offset + lines.length, at: (index) => lines[index - offset] };
}

describe('last error block', () => {
  it('finds a Python traceback, from its first line to the exception line', () => {
    const lines = buffer([
      ' * Running on http://127.0.0.1:5001',
      'Traceback (most recent call last):',
      '  File "/app/app.py", line 3, in <module>',
      '    import missing',
      "ModuleNotFoundError: No module named 'missing'",
      '127.0.0.1 - - "GET / HTTP/1.1" 200 -',
    ]);
    expect(lastErrorBlock(lines)).toEqual({ start: 1, end: 4 });
  });

  it('takes the newest of two errors, and a chained traceback up to its last exception', () => {
    const lines = buffer([
      'Traceback (most recent call last):',
      '  File "a.py", line 1',
      'KeyError: 1',
      'ok',
      'Traceback (most recent call last):',
      '  File "b.py", line 2',
      'KeyError: 2',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "b.py", line 4',
      'ValueError: 3',
    ]);
    expect(lastErrorBlock(lines)).toEqual({ start: 10, end: 12 });
  });

  it("finds an esbuild error block and Vite's internal server error with their indented detail", () => {
    const esbuild = buffer(['  VITE v8 ready', '✘ [ERROR] Expected ";" but found "}"', '', '    src/main.ts:3:4:', '      3 │   let x = }', '', 'next']);
    expect(lastErrorBlock(esbuild)).toEqual({ start: 1, end: 4 });
    const vite = buffer([
      '12:00:01 [vite] Internal server error: Failed to resolve import "./nope"',
      '  Plugin: vite:import-analysis',
      '  File: /app/src/main.ts',
      'page reload',
    ]);
    expect(lastErrorBlock(vite)).toEqual({ start: 0, end: 2 });
  });

  it('finds a failure tovrun reported, but not its other notices, nor a line a service printed saying the same', () => {
    expect(
      lastErrorBlock(
        buffer([{ notice: '[tovrun] exited with code 1' }, { notice: '[tovrun] restarting in 1 s (attempt 1 of 3)' }, 'the child exited with code 1']),
      ),
    ).toEqual({ start: 0, end: 0 });
    expect(lastErrorBlock(buffer([{ notice: '[tovrun] ready in 0.4 s' }, { notice: '[tovrun] stopped' }]))).toBeNull();
  });

  it('addresses lines by absolute index in a source that dropped its oldest lines', () => {
    const lines = buffer(['ok', 'Traceback (most recent call last):', '  File "a.py", line 1', 'KeyError: 1'], 500);
    expect(lastErrorBlock(lines)).toEqual({ start: 501, end: 503 });
  });
});
