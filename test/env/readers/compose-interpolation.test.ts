import { describe, expect, it } from 'vitest';
import { interpolateCompose, maxInterpolationDepth } from '../../../src/env/readers/compose-interpolation.js';

const nested = (depth: number) => `${'${A:-'.repeat(depth)}x${'}'.repeat(depth)}`;

describe('interpolateCompose nesting', () => {
  it('resolves nested defaults up to the limit and refuses deeper ones instead of overflowing the stack', () => {
    expect(interpolateCompose(nested(maxInterpolationDepth), () => undefined)).toEqual({ ok: true, value: 'x' });
    expect(interpolateCompose(nested(20_000), () => undefined)).toEqual({ ok: false, error: `defaults nested more than ${maxInterpolationDepth} levels deep` });
  });
});
