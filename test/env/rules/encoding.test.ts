import { describe, expect, it } from 'vitest';
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
});
