/** Choosing how service output is shown: --panes auto|prefix|tmux|windows against the platform and what is installed. */
import { type Output, useColor } from '../context.js';
import { FailedError, UsageError } from '../errors.js';
import { envValue } from '../platform/env-keys.js';
import { osDisplayName, type Platform } from '../platform/platform.js';
import type { PanesMode } from '../workspace/types.js';

/** The chosen mode, with what it needs: tmux's path and whether tovrun already runs inside tmux; wt's path (null: console windows). */
export type PanesSelection = { mode: 'prefix' } | { mode: 'tmux'; tmux: string; inside: boolean } | { mode: 'windows'; wt: string | null };

/** What the choice depends on. */
export interface PanesModeInputs {
  /** --panes, else tovrun.yaml's panes (default auto). */
  requested: PanesMode;
  env: NodeJS.ProcessEnv;
  platform: Platform;
  /** Finds a program on PATH (findExecutable bound to env and platform). */
  findExecutable(name: string): string | undefined;
}

/** How to install tmux on the user's system, for the "tmux is not installed" message. */
export function tmuxInstallHint(platform: Platform): string {
  if (platform.os === 'darwin') return 'Install it with `brew install tmux` (or `port install tmux`), or use --panes prefix.';
  if (platform.os === 'linux')
    return 'Install it with `sudo apt install tmux` (Debian/Ubuntu), `sudo dnf install tmux` (Fedora) or your package manager, or use --panes prefix.';
  return 'Install tmux with your package manager, or use --panes prefix.';
}

/**
 * Windows Terminal's wt.exe: on PATH, else where Windows puts its App Execution Alias,
 * %LOCALAPPDATA%\Microsoft\WindowsApps (on the user's PATH by default, but not in every environment tovrun runs in).
 */
function findWindowsTerminal(inputs: PanesModeInputs): string | undefined {
  const onPath = inputs.findExecutable('wt');
  if (onPath) return onPath;
  const localAppData = envValue(inputs.env, 'LOCALAPPDATA', inputs.platform);
  return localAppData ? inputs.findExecutable(inputs.platform.path.join(localAppData, 'Microsoft', 'WindowsApps', 'wt.exe')) : undefined;
}

function insideTmux(env: NodeJS.ProcessEnv): boolean {
  return (env.TMUX ?? '') !== '';
}

/** auto: tmux inside tmux, else prefix; tmux: needs tmux (not on Windows); windows: only on Windows (Windows Terminal when wt is found). */
export function selectPanesMode(inputs: PanesModeInputs): PanesSelection {
  const { requested, platform } = inputs;
  if (requested === 'prefix') return { mode: 'prefix' };
  if (requested === 'windows') {
    if (!platform.isWindows) throw new UsageError(`--panes windows needs Windows; this is ${osDisplayName(platform)}.`, 'Use --panes tmux (or prefix) here.');
    return { mode: 'windows', wt: findWindowsTerminal(inputs) ?? null };
  }
  const tmux = platform.isWindows ? undefined : inputs.findExecutable('tmux');
  if (requested === 'auto') return tmux && insideTmux(inputs.env) ? { mode: 'tmux', tmux, inside: true } : { mode: 'prefix' };
  if (platform.isWindows)
    throw new UsageError('--panes tmux is not available on Windows.', 'Use --panes windows (Windows Terminal panes), or run tovrun inside WSL.');
  if (!tmux) throw new FailedError('--panes tmux needs tmux, which is not installed (not found on PATH).', tmuxInstallHint(platform));
  return { mode: 'tmux', tmux, inside: insideTmux(inputs.env) };
}

const paneTerminal: Output = { isTTY: true, write: () => undefined };

/** Whether children are asked for colour: in panes they write to a terminal of their own; with prefixes, as tovrun's output allows. */
export function childrenUseColor(selection: PanesSelection, output: Output, env: NodeJS.ProcessEnv): boolean {
  return useColor(selection.mode === 'prefix' ? output : paneTerminal, env);
}

/** Whether tovrun should start itself again in a new tmux session and attach to it: tmux asked for, outside tmux, on a terminal. */
export function needsTmuxSession(selection: PanesSelection, output: Output): selection is Extract<PanesSelection, { mode: 'tmux' }> {
  return selection.mode === 'tmux' && !selection.inside && output.isTTY;
}
