import { describe, expect, it } from 'vitest';
import { formatJsonReport } from '../../src/check/print-json.js';
import { finding } from '../../src/report/findings.js';

describe('formatJsonReport', () => {
  it('prints every finding with its duration, grouped by check in first-seen order, then by file and line', () => {
    const text = formatJsonReport([
      { ...finding('env/b', 'warn', 'w', { file: '.env', line: 5 }), durationMs: 3 },
      { ...finding('ports/free', 'ok', 'free'), durationMs: 7 },
      { ...finding('env/a', 'error', 'e', { file: '.env', line: 1, hint: 'fix' }), durationMs: 3 },
    ]);
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual([
      { id: 'env/a', status: 'error', message: 'e', hint: 'fix', file: '.env', line: 1, durationMs: 3 },
      { id: 'env/b', status: 'warn', message: 'w', hint: null, file: '.env', line: 5, durationMs: 3 },
      { id: 'ports/free', status: 'ok', message: 'free', hint: null, file: null, line: null, durationMs: 7 },
    ]);
  });

  it('keeps the key order stable and drops anything else a finding carries', () => {
    const text = formatJsonReport([{ ...finding('env/a', 'ok', 'm'), durationMs: 1, extra: 'x' } as never]);
    expect(Object.keys((JSON.parse(text) as object[])[0] as object)).toEqual(['id', 'status', 'message', 'hint', 'file', 'line', 'durationMs']);
  });
});
