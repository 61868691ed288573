import { describe, expect, it } from 'vitest';
import { formatJsonReport } from '../../src/check/print-json.js';
import { finding } from '../../src/check/report.js';

describe('formatJsonReport', () => {
  it('prints the sorted findings as a JSON array', () => {
    const text = formatJsonReport([finding('env/b', 'warn', 'w', { file: '.env', line: 5 }), finding('env/a', 'error', 'e', { file: '.env', line: 1 })]);
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual([
      { id: 'env/a', status: 'error', message: 'e', hint: null, file: '.env', line: 1 },
      { id: 'env/b', status: 'warn', message: 'w', hint: null, file: '.env', line: 5 },
    ]);
  });
});
