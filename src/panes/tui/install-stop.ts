/**
 * Ctrl-C and q while the install runs inside the UI. Without the UI, Ctrl-C during the install ends tovrun and the
 * installers together: the terminal sends SIGINT to the foreground process group (tovrun, pip, npm), and tovrun has no
 * handler yet, so it dies of the signal (the shell sees 130) and nothing starts. In the UI the terminal is in raw mode,
 * Ctrl-C arrives as a key and no SIGINT is sent; so the same is done by hand: the UI closes (the terminal restored),
 * then the key's signal (Ctrl-C: SIGINT, q: SIGTERM) goes to tovrun's process group, as the terminal would send it
 * (POSIX kill(2): "If pid is 0, sig shall be sent to all processes ... whose process group ID is equal to the process
 * group ID of the sender"; Node's process.kill passes 0 through). The group is signalled only while tovrun leads it: a
 * shell with job control makes tovrun the leader of its job's group, whose other members are then what tovrun started;
 * run under a script in the script's group, tovrun never signals processes it did not start, so the key ends tovrun
 * alone (the installers finish on their own). A signal sent to tovrun itself (kill <pid>) restores
 * the terminal and is raised again on tovrun alone, whose default action ends it as before.
 * Windows has no process groups to signal (libuv's uv_kill takes pid 0 as the current process alone: src/win/process.c),
 * so a key ends tovrun with exit code 130 instead; pip and npm end with it, as libuv puts every child that is not
 * detached into a job object created with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE (libuv: src/win/process.c,
 * uv__init_global_job_handle; Microsoft: "JOBOBJECT_BASIC_LIMIT_INFORMATION").
 */
import { EventEmitter } from 'node:events';
import { ExitCode } from '../../errors.js';
import { realHost } from '../../os/host.js';
import { processGroupOf } from '../../os/process-table.js';
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
  /** Whether tovrun leads its process group (asked of the process table by default). */
  leadsGroup?: () => Promise<boolean>;
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
  const pid = options.pid ?? process.pid;
  const leadsGroup = options.leadsGroup ?? (async () => (await processGroupOf(realHost(), pid)) === pid);
  const stop = (signal: NodeJS.Signals, target: number): void => {
    dispose();
    void options.close().finally(async () => {
      if (target === 0 && (options.platform ?? process.platform) === 'win32') return exit(ExitCode.interrupted);
      kill(target === 0 && !(await leadsGroup().catch(() => false)) ? pid : target, signal);
    });
  };
  for (const signal of stopSignals) {
    handlers.push([keys, signal, () => stop(signal, 0)], [options.process, signal, () => stop(signal, pid)]);
  }
  for (const [source, signal, handler] of handlers) source.on(signal, handler);
  return { dispose };
}
