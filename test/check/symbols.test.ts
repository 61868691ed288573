import { describe, expect, it } from 'vitest';
import { canShowUnicode } from '../../src/check/symbols.js';

const tty = { write: () => undefined, isTTY: true };
const pipe = { write: () => undefined, isTTY: false };

describe('canShowUnicode', () => {
  it('uses ASCII for pipes and files', () => expect(canShowUnicode(pipe, {}, 'linux')).toBe(false));
  it('uses Unicode on POSIX terminals, except the Linux console and dumb terminals', () => {
    expect(canShowUnicode(tty, { TERM: 'xterm-256color' }, 'darwin')).toBe(true);
    expect(canShowUnicode(tty, { TERM: 'linux' }, 'linux')).toBe(false);
    expect(canShowUnicode(tty, { TERM: 'dumb' }, 'linux')).toBe(false);
  });
  it('uses Unicode on Windows only in Windows Terminal, VS Code or ConEmu', () => {
    expect(canShowUnicode(tty, {}, 'win32')).toBe(false);
    expect(canShowUnicode(tty, { WT_SESSION: 'x' }, 'win32')).toBe(true);
    expect(canShowUnicode(tty, { TERM_PROGRAM: 'vscode' }, 'win32')).toBe(true);
  });
});
