import { describe, expect, it } from 'vitest';
import { satisfiesRange } from '../../src/check/version-range.js';
import { parseVersion } from '../../src/text/version.js';

const satisfies = (version: string, range: string) => satisfiesRange(parseVersion(version) ?? [], range);

describe('satisfiesRange (npm engines ranges)', () => {
  it.each([
    ['20.19.0', '^20.19.0 || >=22.12.0', true],
    ['20.20.2', '^20.19.0 || >=22.12.0', true],
    ['20.18.1', '^20.19.0 || >=22.12.0', false],
    ['21.7.0', '^20.19.0 || >=22.12.0', false],
    ['22.11.0', '^20.19.0 || >=22.12.0', false],
    ['22.12.0', '^20.19.0 || >=22.12.0', true],
    ['24.0.0', '^20.19.0 || >=22.12.0', true],
    ['18.19.0', '^18.0.0 || >=20.0.0', true],
    ['19.0.0', '^18.0.0 || >=20.0.0', false],
    ['16.20.0', '>=14.18 <17', true],
    ['17.0.0', '>=14.18 <17', false],
    ['18.5.0', '~18.4', false],
    ['18.4.9', '~18.4', true],
    ['0.2.5', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['20.1.0', '20.x', true],
    ['21.0.0', '20', false],
    ['14.0.0', '12 - 14', true],
    ['15.0.0', '12 - 14', false],
    ['22.0.0', '>= 20', true],
    ['22.0.0', '*', true],
    ['22.0.0', '', true],
    ['20.0.0', '>20', false],
    ['21.0.0', '>20', true],
    ['20.1.0', '<=20', true],
  ])('%s against %s is %s', (version, range, expected) => expect(satisfies(version, range)).toBe(expected));

  it('is undefined for a range it cannot read', () => {
    expect(satisfies('22.0.0', 'latest')).toBeUndefined();
    expect(satisfies('22.0.0', 'latest || >=20')).toBe(true);
  });
});
