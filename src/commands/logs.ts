/** `tovrun logs [service] [-f]`: prints services' logs from .tovrun/logs/. */
import { existsSync } from 'node:fs';
import { type RunContext, useColor } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import { sleep } from '../os/delay.js';
import { createPrefixSink, LogTail, logFilePath, logsDir, previousLogFilePath } from '../panes/index.js';
import { knownServices } from '../panes/log-names.js';
import { handleStopSignals } from '../supervisor/index.js';
import { loadCommandWorkspace } from '../workspace/load.js';

/** Options of the logs command. */
export interface LogsCommandOptions {
  service: string | undefined;
  follow: boolean;
  /** The previous run's logs (<service>.previous.log) instead of the current run's. */
  previous?: boolean;
  /** Ends following; by default Ctrl-C (or SIGTERM/SIGHUP) does. */
  until?: AbortSignal;
}

const followPollMs = 200;

function followUntil(options: LogsCommandOptions): { signal: AbortSignal; interrupted: () => boolean; dispose: () => void } {
  if (options.until) return { signal: options.until, interrupted: () => false, dispose: () => undefined };
  const controller = new AbortController();
  const abort = () => controller.abort();
  const signals = handleStopSignals(process, { stop: abort, forceStop: abort });
  return { signal: controller.signal, interrupted: () => signals.received === 'SIGINT', dispose: () => signals.dispose() };
}

/** Prints (and with follow, keeps printing) logs; returns the exit code. */
export async function runLogsCommand(ctx: RunContext, options: LogsCommandOptions): Promise<number> {
  if (options.previous && options.follow)
    throw new UsageError(
      '--previous and --follow do not go together: the previous run has ended.',
      'Use `tovrun logs --previous` to read it, or `tovrun logs -f` to follow the current run.',
    );
  const workspace = loadCommandWorkspace(ctx);
  const logOf = (name: string) => (options.previous ? previousLogFilePath : logFilePath)(workspace.stateDir, name);
  const known = knownServices(
    workspace.stateDir,
    workspace.services.map((service) => service.name),
  );
  if (options.service !== undefined && !known.includes(options.service)) {
    throw new UsageError(
      `unknown service "${options.service}".`,
      known.length === 0 ? 'This workspace has no services.' : `Known services: ${known.join(', ')}.`,
    );
  }
  const names = options.service !== undefined ? [options.service] : options.previous ? known.filter((name) => existsSync(logOf(name))) : known;
  const withLogs = names.filter((name) => existsSync(logOf(name)));
  if (withLogs.length === 0 && !options.follow) {
    const which = options.service ?? 'any service';
    const when = options.previous ? 'from a previous run' : 'yet';
    ctx.stdout.write(
      `no logs ${when} for ${which} in ${logsDir(workspace.stateDir)} (they appear once services have run${options.previous ? ' twice' : ''})\n`,
    );
    return ExitCode.ok;
  }
  if (withLogs.length === 0) ctx.stderr.write('no logs yet; waiting for them (Ctrl-C to stop)\n');
  const single = options.service !== undefined;
  const sink = createPrefixSink({ destination: ctx.stdout, services: names, color: useColor(ctx.stdout, ctx.env), stateDir: null });
  const tails = names.map((name) => new LogTail(logOf(name), single ? (line) => ctx.stdout.write(`${line}\n`) : (line) => sink.line(name, 'stdout', line)));
  for (const tail of tails) await tail.readNew();
  if (options.follow) {
    const until = followUntil(options);
    try {
      while (!until.signal.aborted) {
        sink.flush();
        await sleep(followPollMs, until.signal);
        for (const tail of tails) await tail.readNew();
      }
    } finally {
      until.dispose();
    }
    for (const tail of tails) tail.flush();
    await sink.close();
    return until.interrupted() ? ExitCode.interrupted : ExitCode.ok;
  }
  for (const tail of tails) tail.flush();
  await sink.close();
  return ExitCode.ok;
}
