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
  if (env.CI !== undefined || inkSeesCi(env) || env.TERM === 'dumb' || (env.TMUX ?? '') !== '') return false;
  return (terminal.columns ?? 0) >= minTuiSize.columns && (terminal.rows ?? 0) >= minTuiSize.rows;
}

/** Whether Ink takes this for CI, where it draws only the last frame (is-in-ci: CI or CONTINUOUS_INTEGRATION set, not 0/false). */
function inkSeesCi(env: NodeJS.ProcessEnv): boolean {
  return ['CI', 'CONTINUOUS_INTEGRATION'].some((key) => env[key] !== undefined && env[key] !== '0' && env[key] !== 'false');
}

/**
 * `--panes tui` (or panes: tui): a UsageError unless stdin and stdout are terminals (keys and screen need both) and CI
 * is unset (Ink, the UI's library, draws nothing until the end under CI).
 */
export function requireTuiTerminal(env: NodeJS.ProcessEnv, terminal: TerminalInfo | undefined): { mode: 'tui' } {
  if (inkSeesCi(env))
    throw new UsageError(
      '--panes tui cannot draw while CI is set (the UI would stay blank until the run ends).',
      'Unset CI (and CONTINUOUS_INTEGRATION) to use the UI, or use --panes prefix in CI.',
    );
  if (terminal?.stdin && terminal.stdout) return { mode: 'tui' };
  const missing = !terminal?.stdout ? 'its output is not a terminal' : 'its input is not a terminal';
  throw new UsageError(
    `--panes tui shows tovrun's own terminal UI, but ${missing}.`,
    'Run it in a terminal, or use --panes prefix (labelled lines) for pipes, files and CI.',
  );
}
