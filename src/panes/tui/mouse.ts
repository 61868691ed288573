/**
 * The mouse in the terminal UI: xterm mouse reporting (button events, SGR encoding) switched on with the alternate
 * screen, and the SGR reports it sends parsed. Ink does not parse mouse input: its input parser hands each report to
 * useInput as one CSI sequence, its ESC stripped ("[<64;10;5M"), which handleInput gives to parseMouse before any key.
 */

/** Switches on reporting of button presses, the wheel included (1000), in the SGR encoding (1006): `ESC [ < b ; x ; y M`. */
export const enableMouse = '\u001b[?1000h\u001b[?1006h';
/** Switches both off again (in the reverse order). */
export const disableMouse = '\u001b[?1006l\u001b[?1000l';

/** Lines one wheel step scrolls. */
export const wheelLines = 3;

/** A mouse report: the wheel turned up (older lines) or down, or any other button event (ignored). */
export type MouseReport = { kind: 'wheel'; direction: 'up' | 'down' } | { kind: 'other' };

// ESC is optional: useInput strips it; a raw read keeps it.
const sgrReport = /^(?:\u001b)?\[<(\d+);\d+;\d+[Mm]$/;
/** The modifier bits of an SGR button code (shift 4, meta 8, ctrl 16): a wheel turned with a modifier held is still the wheel. */
const modifierBits = 4 | 8 | 16;

/** The mouse report input holds (one whole SGR report), or null when it is not one (a key, typed text). */
export function parseMouse(input: string): MouseReport | null {
  const match = sgrReport.exec(input);
  if (!match) return null;
  const button = Number(match[1]) & ~modifierBits;
  if (button === 64) return { kind: 'wheel', direction: 'up' };
  if (button === 65) return { kind: 'wheel', direction: 'down' };
  return { kind: 'other' };
}
