import { describe, expect, it } from 'vitest';
import { looksLikeUtf16 } from '../../../src/env/rules/encoding.js';
import { findingsOf } from '../support/check-text.js';

describe('env/encoding', () => {
  it('flags a byte-order mark at line 1 with what each reader makes of the first key', () => {
    const [found] = findingsOf('encoding', '\uFEFFA=1\n', 'A=1\n');
    expect(found).toMatchObject({ status: 'error', line: 1 });
    expect(found?.message).toContain('the first key (A): Flask (python-dotenv) gets "1", Vite (loadEnv) gets nothing');
  });

  it('flags UTF-16 text (what PowerShell 5 writes) for the whole file', () => {
    const utf16 = Buffer.from('\uFEFFA=1\r\n', 'utf16le').toString('utf8');
    expect(findingsOf('encoding', utf16, 'A=1\n')).toMatchObject([{ status: 'error', line: null, file: '.env' }]);
  });

  it('recognises UTF-16 without a byte-order mark, little- and big-endian, by its NULs in every other character', () => {
    const text = 'DATABASE_URL=postgres://x\r\nA=1\r\n';
    expect(looksLikeUtf16(Buffer.from(text, 'utf16le').toString('utf8'))).toBe(true);
    expect(looksLikeUtf16(Buffer.from(text, 'utf16le').swap16().toString('utf8'))).toBe(true);
    expect(looksLikeUtf16('A=1\nB=\u0000x\nC=3\n')).toBe(false);
  });

  it('reports NUL characters in UTF-8 text at their lines, not as UTF-16', () => {
    const [found, ...others] = findingsOf('encoding', 'A=1\nB=\u0000x\nC=3\nD=\u0000\u0000\n', 'A=1\n');
    expect(others).toEqual([]);
    expect(found).toMatchObject({ status: 'error', line: 2, file: '.env' });
    expect(found?.message).toContain('NUL character');
    expect(found?.message).toContain('lines 2 and 4');
    expect(found?.message).not.toContain('UTF-16');
  });

  it('names at most ten lines with NULs', () => {
    const text = Array.from({ length: 12 }, (_, index) => `K${index}=\u0000`).join('\n');
    expect(findingsOf('encoding', text, 'A=1\n')[0]?.message).toContain('lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more');
  });
});
