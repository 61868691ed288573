/** When the terminal UI is chosen: `auto` picks it only on a roomy interactive terminal; `--panes tui` needs a terminal. */
import { UsageError } from '../../errors.js';

/** tovrun's terminal: whether stdin and stdout are terminals, and its size (undefined when unknown). */
export interface TerminalInfo {
  stdin: boolean;
  stdout: boolean;
  columns: number | undefined;
  rows: number | undefined;
}

/** The smallest terminal `auto` opens the UI in. */
export const minTuiSize = { columns: 80, rows: 20 } as const;

/**
 * Whether `auto` picks the UI: stdin and stdout are terminals, CI is unset, TERM is not dumb, not inside tmux (which
 * keeps tmux panes), and the terminal has at least 80×20.
 */
export function tuiFits(env: NodeJS.ProcessEnv, terminal: TerminalInfo | undefined): boolean {
  if (!terminal?.stdin || !terminal.stdout) return false;
  if (env.CI !== undefined || env.TERM === 'dumb' || (env.TMUX ?? '') !== '') return false;
  return (terminal.columns ?? 0) >= minTuiSize.columns && (terminal.rows ?? 0) >= minTuiSize.rows;
}

/** `--panes tui` (or panes: tui): a UsageError unless stdin and stdout are terminals (keys and screen need both). */
export function requireTuiTerminal(terminal: TerminalInfo | undefined): { mode: 'tui' } {
  if (terminal?.stdin && terminal.stdout) return { mode: 'tui' };
  const missing = !terminal?.stdout ? 'its output is not a terminal' : 'its input is not a terminal';
  throw new UsageError(`--panes tui shows tovrun's own terminal UI, but ${missing}.`, 'Run it in a terminal, or use --panes prefix (labelled lines) for pipes, files and CI.');
}
