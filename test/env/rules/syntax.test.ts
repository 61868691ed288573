import { describe, expect, it } from 'vitest';
import { checkText, findingsOf } from '../support/check-text.js';

describe('syntax rules', () => {
  it('env/missing-equals is an error at the bare key', () => {
    expect(findingsOf('missing-equals', 'A=1\nB\n', 'A=1\n# B=\n')).toMatchObject([{ status: 'error', line: 2 }]);
  });

  it('env/unparseable-line says Flask skips the line and what the others get', () => {
    const [found] = findingsOf('unparseable-line', 'A="x"y\n', '# A=\n');
    expect(found).toMatchObject({ status: 'error', line: 1 });
    expect(found?.message).toBe(
      'Flask (python-dotenv) cannot parse this line and skips it, so Flask does not get A; Vite (loadEnv) gets "x", docker compose gets "x".',
    );
    expect(findingsOf('unparseable-line', '=x\n', '')[0]?.message).toBe('Flask (python-dotenv) cannot parse this line and skips it.');
  });

  it('env/space-around-equals warns on spaces before or after =, not inside quoted values', () => {
    expect(findingsOf('space-around-equals', 'A =1\nB= 1\nC="x = y"\nD=\n', '# A=\n# B=\n# C=\n# D=\n').map((item) => [item.line, item.status])).toEqual([
      [1, 'warn'],
      [2, 'warn'],
    ]);
  });

  it('env/unquoted-spaces warns on unquoted values with spaces', () => {
    expect(findingsOf('unquoted-spaces', 'A=a b\nB="a b"\nC=a # comment\n', '# A=\n# B=\n# C=\n').map((item) => item.line)).toEqual([1]);
  });

  it('env/trailing-whitespace warns on any line but inside a multi-line value', () => {
    expect(findingsOf('trailing-whitespace', 'A=1 \n# note\t\nB="x \ny"\n', '# A=\n# B=\n').map((item) => item.line)).toEqual([1, 2]);
  });
});

describe('env/space-around-equals and comments', () => {
  it('accepts `KEY= # comment` (an empty value and a comment)', () => {
    expect(findingsOf('space-around-equals', 'A= # note\n', '# A=\n')).toEqual([]);
  });
});

describe('env/secret-continuation', () => {
  const pem = 'SECRET_KEY=-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw\nabcDEFcanaryline\nAbCd==\n-----END PRIVATE KEY-----\nPORT=1\n';

  it('reports the lines after a secret key that are no assignment once, without their text, instead of missing-equals or key-name findings', () => {
    const findings = checkText(pem, '# @secret\nSECRET_KEY=x\nPORT=1\n');
    expect(findings.filter((item) => item.id === 'env/secret-continuation')).toMatchObject([{ status: 'error', line: 2 }]);
    expect(findings.filter((item) => item.id === 'env/secret-continuation')[0]?.message).toMatch(/^lines 2-5 continue SECRET_KEY's value/);
    expect(findings.map((item) => item.id)).not.toEqual(expect.arrayContaining(['env/missing-equals']));
    expect(findings.map((item) => item.id)).not.toEqual(expect.arrayContaining(['env/lowercase-key']));
    const shown = JSON.stringify(findings);
    for (const text of ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw', 'MIIEVQIBADANBGKQHKIG9W0BAQEFAASCBKCW', 'abcDEFcanaryline', 'ABCDEFCANARYLINE'])
      expect(shown).not.toContain(text);
  });

  it('ends at an assignment, a comment or a blank line, and follows only secret keys', () => {
    const ids = (text: string) => checkText(text, '# A=\n# API_TOKEN=\n# B=\n').map((item) => `${item.id}:${item.line ?? ''}`);
    expect(ids('API_TOKEN=abcdef\nghijkl\nB=1\nstray\n')).toEqual(expect.arrayContaining(['env/secret-continuation:2', 'env/missing-equals:4']));
    expect(ids('API_TOKEN=abcdef\n\nstray\n')).toEqual(expect.arrayContaining(['env/missing-equals:3']));
    expect(ids('API_TOKEN=abcdef\n# note\nstray\n')).toEqual(expect.arrayContaining(['env/missing-equals:3']));
    expect(ids('A=abcdef\nstray\n')).toEqual(expect.arrayContaining(['env/missing-equals:2']));
    expect(ids('API_TOKEN=abcdef\nB=1\n').filter((id) => id.startsWith('env/secret-continuation'))).toEqual([]);
    // Base64 padding makes a line look like an assignment of "=": it still continues the secret, as does the line after.
    expect(ids('API_TOKEN=abcdef\nQUJD==\nQUJD\n').filter((id) => /secret-continuation|missing-equals/.test(id))).toEqual(['env/secret-continuation:2']);
  });
});
