/** `tovrun up --detach`: starts tovrun in the background (no terminal, no window) and returns once everything is ready. */
import { type SpawnOptions, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunContext } from '../context.js';
import { ExitCode, FailedError, UsageError } from '../errors.js';
import { sleep } from '../os/delay.js';
import { NotRunningError, requestStatus, StillStartingError } from '../supervisor/control/client.js';
import { formatReadySummary, handleStopSignals } from '../supervisor/index.js';
import type { RunStatus } from '../supervisor/service-status.js';
import { loadCommandWorkspace } from '../workspace/load.js';
import type { Workspace } from '../workspace/types.js';
import type { UpOptions } from './up.js';

/** Where the background tovrun's own output goes (its services' lines go to .tovrun/logs/ as always). */
export function backgroundOutputPath(stateDir: string): string {
  return path.join(stateDir, 'background.log');
}

/** The arguments of the background `tovrun up`: the same instance and selection, in prefix mode, marked --background. */
export function backgroundArgs(options: UpOptions, instance?: string): string[] {
  return [
    'up',
    '--background',
    '--panes',
    'prefix',
    ...(instance === undefined ? [] : ['--instance', instance]),
    ...(options.backend ? ['--backend'] : []),
    ...(options.frontend ? ['--frontend'] : []),
    ...((options.only ?? []).length > 0 ? ['--only', ...(options.only ?? [])] : []),
    ...(options.install ? [] : ['--no-install']),
    ...(options.reinstall ? ['--reinstall'] : []),
    ...options.profiles.flatMap((profile) => ['-p', profile]),
    ...(options.keep ? ['--keep'] : []),
    ...(options.recreateCompose ? ['--recreate-compose'] : []),
    ...(options.services ? [] : ['--no-services']),
  ];
}

/**
 * How the background tovrun is spawned: detached (on POSIX its own session and process group, so the terminal's Ctrl-C
 * and hang-up never reach it; on Windows its own console), with no console window (windowsHide), no stdin, and its
 * stdout and stderr in the output file.
 */
export function backgroundSpawnOptions(root: string, env: NodeJS.ProcessEnv, output: number): SpawnOptions {
  return { cwd: root, env, detached: true, windowsHide: true, stdio: ['ignore', output, output] };
}

/** The last lines of the background tovrun's output: why it ended. */
function outputTail(file: string, count = 30): string {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/** The running tovrun's status when it is the one started (pid) and ready; null while it is not yet. */
async function readyStatus(stateDir: string, pid: number): Promise<RunStatus | null> {
  try {
    const status = await requestStatus(stateDir, { timeoutMs: 5_000 });
    return status.pid === pid && status.ready ? status : null;
  } catch (error) {
    if (error instanceof NotRunningError || error instanceof StillStartingError) return null;
    throw error;
  }
}

/**
 * Spawns `tovrun up --background` detached (its own session on POSIX, so the terminal's Ctrl-C and hang-up do not reach
 * it; no console window on Windows), its output in .tovrun/background.log, and waits until it reports every service
 * ready (exit 0) or ends (exit 1, with the end of its output, which says why).
 */
export async function runDetached(ctx: RunContext, options: UpOptions, argv: readonly string[]): Promise<number> {
  if (options.panes !== undefined && options.panes !== 'prefix')
    throw new UsageError(
      `--detach does not go with --panes ${options.panes}: a background tovrun has no terminal.`,
      'Drop --panes; see the output with `tovrun logs`.',
    );
  const workspace = loadCommandWorkspace(ctx);
  const script = argv[1];
  if (script === undefined) throw new FailedError('tovrun cannot tell its own script to start it in the background.');
  mkdirSync(workspace.stateDir, { recursive: true });
  const outputFile = backgroundOutputPath(workspace.stateDir);
  const output = openSync(outputFile, 'w');
  const child = spawn(
    process.execPath,
    [...process.execArgv, script, ...backgroundArgs(options, ctx.instance)],
    backgroundSpawnOptions(workspace.root, ctx.env, output),
  );
  closeSync(output);
  let exit: number | string | null = null;
  child.on('exit', (code, signal) => {
    exit = code ?? signal ?? 'unknown';
  });
  child.on('error', (error) => {
    exit = error.message;
  });
  child.unref();
  const pid = child.pid ?? 0;
  ctx.stdout.write(`Starting tovrun in the background (pid ${pid}; its output in ${path.relative(ctx.cwd, outputFile) || outputFile})…\n`);
  // Ctrl-C ends the waiting only: the background tovrun is out of the terminal's reach and goes on.
  const interrupted = new AbortController();
  const signals = handleStopSignals(process, { stop: () => interrupted.abort(), forceStop: () => interrupted.abort() });
  try {
    return await waitUntilReady(ctx, workspace, pid, outputFile, () => exit, interrupted.signal);
  } finally {
    signals.dispose();
  }
}

/** Polls until the background tovrun is ready (0), has ended (a FailedError with its output's end), or the wait is interrupted (130). */
async function waitUntilReady(
  ctx: RunContext,
  { stateDir, instance }: Workspace,
  pid: number,
  outputFile: string,
  ended: () => number | string | null,
  interrupted: AbortSignal,
): Promise<number> {
  for (;;) {
    const exit = ended();
    if (interrupted.aborted) {
      ctx.stderr.write(`tovrun: stopped waiting; the background tovrun (pid ${pid}) goes on starting: \`tovrun status\` shows it, \`tovrun down\` stops it.\n`);
      return ExitCode.interrupted;
    }
    if (exit !== null) {
      const tail = outputTail(outputFile);
      throw new FailedError(
        `the background tovrun ended (${typeof exit === 'number' ? `exit code ${exit}` : exit}) before its services were ready${tail ? `:\n${tail}` : '.'}`,
        `See ${outputFile} and \`tovrun logs --errors\`.`,
      );
    }
    const status = pid === 0 ? null : await readyStatus(stateDir, pid);
    if (status) {
      const ready = status.services.map((service) => ({ name: service.name, url: service.url, readyMs: service.readyMs ?? 0 }));
      ctx.stdout.write(formatReadySummary(ready, instance));
      ctx.stdout.write(`tovrun runs in the background (pid ${pid}): \`tovrun status\`, \`tovrun logs\`, \`tovrun wait\`, \`tovrun down\` to stop it.\n`);
      return ExitCode.ok;
    }
    await sleep(200, interrupted).catch(() => undefined);
  }
}
