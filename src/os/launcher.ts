/**
 * How a service's process is started: directly with pipes (prefix output), or by an agent in a tmux or Windows Terminal
 * pane. The interface lives here, under both the supervisor (which uses it) and panes (which implement it).
 */

/** Which of a child's output streams a line came from. */
export type OutputStream = 'stdout' | 'stderr';

/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** What a launcher runs: a resolved program with its arguments, folder and complete environment (never a shell). */
export interface LaunchCommand {
  /** The service's name, for messages. */
  name: string;
  file: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Where a launched process's output lines go (the runner), with backpressure from the sink. */
export interface OutputReceiver {
  /** A block of complete lines the service printed: joined by '\n', no final newline, each line's ending '\r' removed. */
  lines(stream: OutputStream, block: string): void;
  /** A promise while the output destination is full; the launcher should pause its sources until it settles. */
  whenWritable(): Promise<void> | undefined;
}

/** A process a launcher started: what the supervisor needs to watch it and stop its tree. */
export interface LaunchedProcess {
  readonly pid: number;
  /** The process group it leads (POSIX); null on Windows. */
  readonly pgid: number | null;
  /** Resolves once, with how the process ended. */
  readonly exit: Promise<ProcessExit>;
  /** Waits (at most ms) for output written before the exit to arrive, then lets go of the output sources. */
  drain(ms: number): Promise<void>;
}

/** Starts services' processes; rejects with an Error whose message says why a process could not start. */
export interface ProcessLauncher {
  launch(command: LaunchCommand, output: OutputReceiver): Promise<LaunchedProcess>;
}
