import { describe, expect, it } from 'vitest';
import { FailedError, UsageError } from '../../src/errors.js';
import { childrenUseColor, needsTmuxSession, type PanesModeInputs, selectPanesMode } from '../../src/panes/mode.js';
import { platformFor } from '../../src/platform/platform.js';
import type { PanesMode } from '../../src/workspace/types.js';

const tools = (found: Record<string, string>) => (name: string) => found[name];

function inputs(requested: PanesMode, os: NodeJS.Platform, env: NodeJS.ProcessEnv, found: Record<string, string> = {}): PanesModeInputs {
  return { requested, env, platform: platformFor(os), findExecutable: tools(found) };
}

const insideTmux = { TMUX: '/tmp/tmux-1000/default,123,0', TMUX_PANE: '%3' };
const withTmux = { tmux: '/usr/bin/tmux' };

describe('selectPanesMode', () => {
  it('auto: tmux panes inside tmux, prefix outside (or when tmux cannot be found)', () => {
    expect(selectPanesMode(inputs('auto', 'linux', insideTmux, withTmux))).toEqual({ mode: 'tmux', tmux: '/usr/bin/tmux', inside: true });
    expect(selectPanesMode(inputs('auto', 'linux', {}, withTmux))).toEqual({ mode: 'prefix' });
    expect(selectPanesMode(inputs('auto', 'linux', { TMUX: '' }, withTmux))).toEqual({ mode: 'prefix' });
    expect(selectPanesMode(inputs('auto', 'linux', insideTmux, {}))).toEqual({ mode: 'prefix' });
    expect(selectPanesMode(inputs('auto', 'win32', insideTmux, withTmux))).toEqual({ mode: 'prefix' });
  });

  it('prefix is always available', () => {
    expect(selectPanesMode(inputs('prefix', 'win32', insideTmux))).toEqual({ mode: 'prefix' });
  });

  it('tmux: inside or outside; not installed is a failure saying how to install it', () => {
    expect(selectPanesMode(inputs('tmux', 'darwin', {}, withTmux))).toEqual({ mode: 'tmux', tmux: '/usr/bin/tmux', inside: false });
    const missing = () => selectPanesMode(inputs('tmux', 'linux', {}));
    expect(missing).toThrow(FailedError);
    expect(missing).toThrow(/needs tmux, which is not installed/);
    try {
      selectPanesMode(inputs('tmux', 'darwin', {}));
    } catch (error) {
      expect((error as FailedError).hint).toContain('brew install tmux');
    }
  });

  it('tmux on Windows and windows elsewhere are usage errors', () => {
    expect(() => selectPanesMode(inputs('tmux', 'win32', {}, withTmux))).toThrow(UsageError);
    expect(() => selectPanesMode(inputs('windows', 'linux', {}, { wt: 'wt' }))).toThrow(/--panes windows needs Windows; this is Linux/);
  });

  it('windows: Windows Terminal when wt is found, console windows otherwise', () => {
    expect(selectPanesMode(inputs('windows', 'win32', {}, { wt: 'C:\\Users\\me\\AppData\\Local\\Microsoft\\WindowsApps\\wt.exe' }))).toEqual({
      mode: 'windows',
      wt: 'C:\\Users\\me\\AppData\\Local\\Microsoft\\WindowsApps\\wt.exe',
    });
    expect(selectPanesMode(inputs('windows', 'win32', {}))).toEqual({ mode: 'windows', wt: null });
  });

  // Windows Terminal's `wt` is an App Execution Alias in %LOCALAPPDATA%\Microsoft\WindowsApps (Microsoft docs,
  // "Using command line arguments for Windows Terminal": "You can also use the execution alias `wt`"); that folder is on
  // the user's PATH by default, but not when PATH was replaced (a CI runner, a scrubbed service environment).
  it('windows: looks for wt.exe in %LOCALAPPDATA%\\Microsoft\\WindowsApps when PATH does not have it', () => {
    const alias = 'C:\\Users\\me\\AppData\\Local\\Microsoft\\WindowsApps\\wt.exe';
    const env = { LocalAppData: 'C:\\Users\\me\\AppData\\Local', Path: 'C:\\Windows' };
    expect(selectPanesMode(inputs('windows', 'win32', env, { [alias]: alias }))).toEqual({ mode: 'windows', wt: alias });
    expect(selectPanesMode(inputs('windows', 'win32', env, { wt: 'D:\\tools\\wt.exe', [alias]: alias }))).toEqual({ mode: 'windows', wt: 'D:\\tools\\wt.exe' });
    expect(selectPanesMode(inputs('windows', 'win32', { Path: 'C:\\Windows' }, { [alias]: alias }))).toEqual({ mode: 'windows', wt: null });
  });
});

describe('childrenUseColor and needsTmuxSession', () => {
  const pipe = { isTTY: false, write: () => undefined };
  const terminal = { isTTY: true, write: () => undefined };
  const tmux = { mode: 'tmux', tmux: 'tmux', inside: false } as const;

  it('children in panes get colour even when tovrun writes to a pipe, unless NO_COLOR', () => {
    expect(childrenUseColor({ mode: 'prefix' }, pipe, {})).toBe(false);
    expect(childrenUseColor(tmux, pipe, {})).toBe(true);
    expect(childrenUseColor({ mode: 'windows', wt: null }, pipe, { NO_COLOR: '1' })).toBe(false);
  });

  it('a new session is needed only for tmux outside tmux on a terminal', () => {
    expect(needsTmuxSession(tmux, terminal)).toBe(true);
    expect(needsTmuxSession(tmux, pipe)).toBe(false);
    expect(needsTmuxSession({ ...tmux, inside: true }, terminal)).toBe(false);
    expect(needsTmuxSession({ mode: 'prefix' }, terminal)).toBe(false);
  });
});
