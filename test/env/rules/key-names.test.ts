import { describe, expect, it } from 'vitest';
import { checkText, findingsOf } from '../support/check-text.js';

describe('key-name rules', () => {
  it('env/lowercase-key suggests the uppercase key and replaces the unknown-key finding', () => {
    const findings = checkText('flask_env=development\n', 'FLASK_ENV=development\n');
    expect(findings.map((item) => item.id).sort()).toEqual(['env/lowercase-key', 'env/missing-key']);
    expect(findings.find((item) => item.id === 'env/lowercase-key')).toMatchObject({ line: 1, hint: 'Rename it to FLASK_ENV.' });
  });

  it('env/invalid-key flags names shells and compose cannot use, once per key', () => {
    expect(findingsOf('invalid-key', 'MY-KEY=1\n1ST=1\nA.B=1\nMY-KEY=2\n', '').map((item) => item.line)).toEqual([1, 2, 3]);
  });

  it('accepts a lowercase key the template itself defines', () => {
    expect(checkText('lower=1\n', 'lower=1\n').map((item) => item.id)).toEqual(['env/ok']);
  });
});
