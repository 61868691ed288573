// A real terminal for end-to-end tests: a command in a pane of a dedicated tmux server (`tmux -L <server>`), driven with
// send-keys and read with capture-pane and the pane's terminal flags (alternate screen, cursor, mouse reporting).
import { execFile } from 'node:child_process';
import { eventually } from '../supervisor/support.js';

/** Runs tmux on a dedicated server (by default without CI or an outer tmux in its environment); never throws. */
export function tmux(server: string, args: string[], env: NodeJS.ProcessEnv = terminalEnv()): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile('tmux', ['-L', server, ...args], { encoding: 'utf8', env }, (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }));
  });
}

/** This process's environment without the variables that would make tovrun think it runs in CI or inside tmux. */
export function terminalEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['TMUX', 'TMUX_PANE', 'CI', 'CONTINUOUS_INTEGRATION']) delete env[key];
  return env;
}

/** A pane running a command: its screen, keys sent to it, its terminal's state, and the exit code the command line echoes. */
export interface TmuxTerminal {
  server: string;
  /** The visible screen as text. */
  screen(): Promise<string>;
  /** Sends tmux key names (or `-l` and literal text). */
  keys(...keys: string[]): Promise<void>;
  /** "alternate=<0|1> cursor=<0|1>": whether the alternate screen is shown and the cursor visible. */
  terminal(): Promise<string>;
  /** "mouse=<0|1> sgr=<0|1>": button-event mouse reporting (1000) and its SGR encoding (1006). */
  mouse(): Promise<string>;
  /** Waits for the `TOVRUN-EXIT=<code>` line that `exitMarked` adds after the command. */
  exitCode(timeoutMs: number): Promise<number>;
  /** Kills the tmux server. */
  close(): Promise<void>;
}

/** A shell command line that runs command, then prints TOVRUN-EXIT=<its code> and keeps the pane open. */
export const exitMarked = (command: string) => `${command}; echo TOVRUN-EXIT=$?; sleep 600`;

/** Starts command (a shell line) in a columns x rows pane of a new dedicated server. */
export async function startTerminal(server: string, command: string, columns = 120, rows = 32): Promise<TmuxTerminal> {
  const started = await tmux(server, ['new-session', '-d', '-x', String(columns), '-y', String(rows), '-s', 'tui', command]);
  if (started.code !== 0) throw new Error(`tmux new-session failed with ${started.code}`);
  const display = async (format: string) => (await tmux(server, ['display-message', '-p', '-t', 'tui', format])).stdout.trim();
  const screen = async () => (await tmux(server, ['capture-pane', '-p', '-t', 'tui'])).stdout;
  return {
    server,
    screen,
    keys: async (...keys) => void (await tmux(server, ['send-keys', '-t', 'tui', ...keys])),
    terminal: () => display('alternate=#{alternate_on} cursor=#{cursor_flag}'),
    mouse: () => display('mouse=#{mouse_standard_flag} sgr=#{mouse_sgr_flag}'),
    exitCode: async (timeoutMs) => Number(await eventually(async () => /TOVRUN-EXIT=(\d+)/.exec(await screen())?.[1], timeoutMs)),
    close: async () => void (await tmux(server, ['kill-server'])),
  };
}
