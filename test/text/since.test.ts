import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseSince } from '../../src/text/since.js';

describe('--since', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');

  it('takes a duration back from now, a date and time, or a clock time of today', () => {
    expect(parseSince('90s', now)).toBe(now - 90_000);
    expect(parseSince('10m', now)).toBe(now - 600_000);
    expect(parseSince('1.5h', now)).toBe(now - 5_400_000);
    expect(parseSince('2d', now)).toBe(now - 172_800_000);
    expect(parseSince('2026-12-04T11:00:00Z', now)).toBe(now - 3_600_000);
    const clock = new Date(parseSince('09:30', now));
    expect([clock.getHours(), clock.getMinutes(), clock.getDate()]).toEqual([9, 30, new Date(now).getDate()]);
  });

  it('refuses anything else with a usage error listing the forms', () => {
    expect(() => parseSince('yesterday', now)).toThrow(UsageError);
    expect(() => parseSince('10 parsecs', now)).toThrow('--since "10 parsecs" is neither a duration nor a time.');
  });
});
