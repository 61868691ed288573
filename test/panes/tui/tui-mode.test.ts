import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { childrenUseColor, selectPanesMode } from '../../../src/panes/mode.js';
import type { TerminalInfo } from '../../../src/panes/tui/tui-mode.js';
import { platformFor } from '../../../src/platform/platform.js';
import type { PanesMode } from '../../../src/workspace/types.js';

const roomy: TerminalInfo = { stdin: true, stdout: true, columns: 120, rows: 40 };
const select = (requested: PanesMode, env: NodeJS.ProcessEnv, terminal: TerminalInfo | undefined, os: NodeJS.Platform = 'linux') =>
  selectPanesMode({
    requested,
    env,
    platform: platformFor(os),
    findExecutable: (name) => (name === 'tmux' ? '/usr/bin/tmux' : undefined),
    ...(terminal ? { terminal } : {}),
  });

describe('choosing the terminal UI', () => {
  it('auto picks it on a roomy interactive terminal, on Linux, macOS and Windows alike', () => {
    for (const os of ['linux', 'darwin', 'win32'] as const) expect(select('auto', { TERM: 'xterm-256color' }, roomy, os)).toEqual({ mode: 'tui' });
    expect(select('auto', {}, { ...roomy, columns: 80, rows: 20 })).toEqual({ mode: 'tui' });
  });

  it('auto keeps prefixed lines without a terminal, under CI, with TERM=dumb or in a small terminal, and tmux panes inside tmux', () => {
    expect(select('auto', {}, undefined)).toEqual({ mode: 'prefix' });
    expect(select('auto', {}, { ...roomy, stdin: false })).toEqual({ mode: 'prefix' });
    expect(select('auto', {}, { ...roomy, stdout: false })).toEqual({ mode: 'prefix' });
    expect(select('auto', { CI: 'true' }, roomy)).toEqual({ mode: 'prefix' });
    expect(select('auto', { CONTINUOUS_INTEGRATION: 'yes' }, roomy)).toEqual({ mode: 'prefix' });
    expect(select('auto', { TERM: 'dumb' }, roomy)).toEqual({ mode: 'prefix' });
    expect(select('auto', {}, { ...roomy, columns: 79 })).toEqual({ mode: 'prefix' });
    expect(select('auto', {}, { ...roomy, rows: 19 })).toEqual({ mode: 'prefix' });
    expect(select('auto', {}, { ...roomy, rows: undefined })).toEqual({ mode: 'prefix' });
    expect(select('auto', { TMUX: '/tmp/tmux-1000/default,1,0' }, roomy)).toEqual({ mode: 'tmux', tmux: '/usr/bin/tmux', inside: true });
  });

  it('--panes tui needs stdin and stdout to be terminals and CI unset, whatever the size', () => {
    expect(select('tui', { CI: 'false' }, { ...roomy, columns: 40, rows: 10 })).toEqual({ mode: 'tui' });
    expect(() => select('tui', { CI: 'true' }, roomy)).toThrow(/cannot draw while CI is set/);
    expect(() => select('tui', { CONTINUOUS_INTEGRATION: '1' }, roomy)).toThrow(UsageError);
    expect(() => select('tui', {}, undefined)).toThrow(UsageError);
    expect(() => select('tui', {}, { ...roomy, stdin: false })).toThrow(/its input is not a terminal/);
    expect(() => select('tui', {}, { ...roomy, stdout: false })).toThrow(/its output is not a terminal/);
  });

  it("asks children for colour as tovrun's own terminal allows, as with prefixed lines", () => {
    expect(childrenUseColor({ mode: 'tui' }, { isTTY: true, write: () => undefined }, {})).toBe(true);
    expect(childrenUseColor({ mode: 'tui' }, { isTTY: true, write: () => undefined }, { NO_COLOR: '1' })).toBe(false);
  });
});
