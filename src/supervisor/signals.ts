/** Turning SIGINT, SIGTERM and SIGHUP into stop requests (a second one forces), for the up command to install. */
import { ExitCode } from '../errors.js';
import type { SignalSource } from '../os/signal-source.js';
import type { RunOutcome, StopReason } from './types.js';

/** What the signals stop: a Supervisor. */
export interface Stoppable {
  stop(reason: StopReason): unknown;
  forceStop(): unknown;
}

/** The installed handlers: which signal arrived first, and how to remove them. */
export interface StopSignals {
  readonly received: NodeJS.Signals | null;
  dispose(): void;
}

/** The signals tovrun stops on. */
export const stopSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Installs handlers: the first signal asks target to stop (SIGINT: interrupted, others: terminated); any later one forces. */
export function handleStopSignals(source: SignalSource, target: Stoppable, signals: readonly NodeJS.Signals[] = stopSignals): StopSignals {
  let received: NodeJS.Signals | null = null;
  const listeners = signals.map((signal) => {
    const listener = () => {
      if (received === null) {
        received = signal;
        target.stop(signal === 'SIGINT' ? 'interrupted' : 'terminated');
      } else {
        target.forceStop();
      }
    };
    source.on(signal, listener);
    return { signal, listener };
  });
  return {
    get received() {
      return received;
    },
    dispose: () => {
      for (const { signal, listener } of listeners) source.off(signal, listener);
    },
  };
}

/**
 * The exit code of a run, one of the documented ones: 130 when it was ended by Ctrl-C, 1 when a service failed (its own
 * exit code or signal is in its last line; a service killed by a signal has no code at all), else 0.
 */
export function runExitCode(outcome: RunOutcome, received: NodeJS.Signals | null): number {
  if (received === 'SIGINT') return ExitCode.interrupted;
  return outcome.exitCode !== 0 || outcome.services.some((service) => service.failed) ? ExitCode.failed : ExitCode.ok;
}
