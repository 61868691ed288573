/**
 * Ctrl-C and q while the install runs inside the UI. Without the UI, Ctrl-C during the install ends tovrun and the
 * installers together: the terminal sends SIGINT to the foreground process group (tovrun, pip, npm), and tovrun has no
 * handler yet, so it dies of the signal (the shell sees 130) and nothing starts. In the UI the terminal is in raw mode,
 * Ctrl-C arrives as a key and no SIGINT is sent; so the same is done by hand: the UI closes (the terminal restored),
 * then the key's signal (Ctrl-C: SIGINT, q: SIGTERM) goes to tovrun's process group, as the terminal would send it
 * (POSIX kill(2): "If pid is 0, sig shall be sent to all processes ... whose process group ID is equal to the process
 * group ID of the sender"; Node's process.kill passes 0 through). A signal sent to tovrun itself (kill <pid>) restores
 * the terminal and is raised again on tovrun alone, whose default action ends it as before.
 * Windows has no process groups to signal (libuv's uv_kill takes pid 0 as the current process alone: src/win/process.c),
 * so a key ends tovrun with exit code 130 instead; pip and npm end with it, as libuv puts every child that is not
 * detached into a job object created with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE (libuv: src/win/process.c,
 * uv__init_global_job_handle; Microsoft: "JOBOBJECT_BASIC_LIMIT_INFORMATION").
 */
import { EventEmitter } from 'node:events';
import { ExitCode } from '../../errors.js';
import type { SignalSource } from '../../os/signal-source.js';

/** The signals that stop a run. */
const stopSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** What stopDuringInstall needs. */
export interface InstallStopOptions {
  /** The process's signals. */
  process: SignalSource;
  /** Hands a source to the UI and gets back the one that also carries its keys (the output's signals()). */
  withKeys(source: SignalSource): SignalSource;
  /** Closes the UI and gives the terminal back. */
  close(): Promise<void>;
  /** process.kill by default; pid 0 is the process group. */
  kill?: (pid: number, signal: NodeJS.Signals) => void;
  pid?: number;
  /** process.platform by default. */
  platform?: NodeJS.Platform;
  /** process.exit by default (Windows). */
  exit?: (code: number) => void;
}

/** Listens until dispose(): a stop key or signal closes the UI, then the signal ends tovrun (and the installers). */
export function stopDuringInstall(options: InstallStopOptions): { dispose(): void } {
  const kill = options.kill ?? ((pid, signal) => process.kill(pid, signal));
  const keys = options.withKeys(new EventEmitter());
  const handlers: Array<[SignalSource, NodeJS.Signals, () => void]> = [];
  const dispose = (): void => {
    for (const [source, signal, handler] of handlers.splice(0)) source.off(signal, handler);
  };
  const exit = options.exit ?? ((code) => process.exit(code));
  const stop = (signal: NodeJS.Signals, target: number): void => {
    dispose();
    void options
      .close()
      .finally(() => (target === 0 && (options.platform ?? process.platform) === 'win32' ? exit(ExitCode.interrupted) : kill(target, signal)));
  };
  for (const signal of stopSignals) {
    handlers.push([keys, signal, () => stop(signal, 0)], [options.process, signal, () => stop(signal, options.pid ?? process.pid)]);
  }
  for (const [source, signal, handler] of handlers) source.on(signal, handler);
  return { dispose };
}
