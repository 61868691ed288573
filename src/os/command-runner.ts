/** What running an external tool takes and gives: the interface both command runners implement, below them and system-runner.ts. */

/** How to run one command. */
export interface RunOptions {
  cwd?: string;
  /** The whole environment of the child (nothing else is inherited). */
  env?: NodeJS.ProcessEnv;
  /** Called with each line the tool prints, stdout and stderr interleaved. */
  onLine?: (line: string) => void;
  timeoutMs?: number;
}

/** How a command ended. */
export interface RunResult {
  /** The exit code, or undefined when the command could not start or was killed. */
  exitCode: number | undefined;
  /** stdout and stderr interleaved, as printed. */
  output: string;
  /** Set when the command could not be started: 'ENOENT' when it does not exist, another code otherwise. */
  spawnError?: string;
}

/** Runs a command to its end; never throws for a failing or missing command. */
export type CommandRunner = (command: string, args: readonly string[], options?: RunOptions) => Promise<RunResult>;
