import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/check-text.js';

const template =
  '# @required @type=enum(development|production)\nFLASK_ENV=development\n# @required @secret\nSECRET_KEY=dev-only-x\n# @optional @type=port\nPORT=5001\n# @optional\nNOTE=\n';

describe('schema rules', () => {
  it('env/missing-key names the template line, gives the example (never a secret one), and spots a misspelling', () => {
    const [missing, secret] = findingsOf('missing-key', 'PORT=5001\nFLASK_EVN=development\n', template);
    expect(missing).toMatchObject({ message: 'FLASK_ENV is required (.env.template:2) but missing.', file: '.env', line: null });
    expect(missing?.hint).toBe('Is FLASK_EVN meant to be FLASK_ENV? Otherwise add FLASK_ENV=development.');
    expect(secret?.hint).toBe('Add SECRET_KEY=<your value>.');
    expect(findingsOf('missing-key', 'FLASK_ENV=development\nSECRET_KEY=s\n', template)).toEqual([]);
  });

  it('env/empty-value flags required keys that are empty as Flask reads them, not optional ones', () => {
    const found = findingsOf('empty-value', 'FLASK_ENV=""\nSECRET_KEY=${UNSET}\nNOTE=\nPORT=\n', template);
    expect(found.map((item) => item.line)).toEqual([1, 2]);
  });

  it('env/unknown-key suggests the near miss once per key', () => {
    const found = findingsOf('unknown-key', 'FLASK_ENV=development\nSECRET_KEY=s\nPROT=1\nPROT=2\nWHATEVER=1\n', template);
    expect(found.map((item) => [item.line, item.message])).toEqual([
      [3, 'PROT is not in .env.template — did you mean PORT?'],
      [5, 'WHATEVER is not in .env.template.'],
    ]);
  });

  it('env/wrong-type shows the value, unless the key is secret', () => {
    const [port] = findingsOf('wrong-type', 'FLASK_ENV=development\nSECRET_KEY=s\nPORT=70000\n', template);
    expect(port).toMatchObject({ line: 3, message: 'PORT must be a port (1-65535), found "70000".', hint: 'Write a port (1-65535) (the template has 5001).' });
    const [secret] = findingsOf('wrong-type', 'FLASK_ENV=development\nSECRET_KEY=s\n', '# @type=int\nSECRET_KEY=1\nFLASK_ENV=development\n');
    expect(secret?.message).toBe('SECRET_KEY must be a whole number, found a hidden 1-character value.');
  });

  it('env/duplicate-key flags each repeat at its own line', () => {
    const found = findingsOf('duplicate-key', 'FLASK_ENV=development\nSECRET_KEY=s\nFLASK_ENV=production\nFLASK_ENV=development\n', template);
    expect(found.map((item) => item.line)).toEqual([3, 4]);
    expect(found[0]?.message).toContain('first on line 1');
  });
});
