import { describe, expect, it } from 'vitest';
import { childColorEnv, colors, dim, paint, serviceColorCode } from '../../src/text/colors.js';

describe('colors', () => {
  it('paints with the ANSI codes chalk wrote at level 1, nesting as chalk did (red bold: colour outside, bold inside)', () => {
    const paint = colors(true);
    expect(paint.red(paint.bold('x'))).toBe('\u001b[31m\u001b[1mx\u001b[22m\u001b[39m');
    expect(paint.yellow('x')).toBe('\u001b[33mx\u001b[39m');
    expect(paint.green('✔')).toBe('\u001b[32m✔\u001b[39m');
    expect(paint.cyan('x')).toBe('\u001b[36mx\u001b[39m');
    expect(paint.dim('x')).toBe('\u001b[2mx\u001b[22m');
  });

  it('leaves empty text empty, and all text as it is when colour is off', () => {
    expect(colors(true).bold('')).toBe('');
    const none = colors(false);
    expect([none.red('a'), none.green('b'), none.yellow('c'), none.cyan('d'), none.bold('e'), none.dim('f')]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('gives services a fixed rotation of colours', () => {
    expect(paint('api', serviceColorCode(0))).toBe('\u001b[36mapi\u001b[39m');
    expect(serviceColorCode(12)).toBe(serviceColorCode(0));
    expect(dim('[tovrun]')).toBe('\u001b[2m[tovrun]\u001b[22m');
  });
});

describe('child colour environment', () => {
  it('forces colour for a colour terminal and forbids it otherwise', () => {
    expect(childColorEnv({ NO_COLOR: '1', PATH: '/bin' }, true)).toEqual({ FORCE_COLOR: '1', PATH: '/bin' });
    expect(childColorEnv({ FORCE_COLOR: '3', PATH: '/bin' }, false)).toEqual({ NO_COLOR: '1', PATH: '/bin' });
  });
});
