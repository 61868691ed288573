/** `tovrun logs [service] --json --since --grep -n` and `tovrun logs --errors`: searching the output of the running tovrun (or the log files). */
import type { RunContext } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import { workspaceLogFiles } from '../panes/log-names.js';
import type { LogLine, ServiceError } from '../supervisor/control/log-query.js';
import { readErrors, readLogs } from '../supervisor/control/log-reader.js';
import { parseSince } from '../text/since.js';
import { loadCommandWorkspace } from '../workspace/load.js';

/** The version of the JSON `tovrun logs --json` and `--errors --json` print; raised when a field changes meaning or goes. */
export const logsJsonVersion = 1;

/** Options of a logs query. */
export interface LogsQueryOptions {
  service: string | undefined;
  json: boolean;
  errors: boolean;
  since: string | undefined;
  grep: string | undefined;
  lines: number | undefined;
  /** The clock, for --since durations. */
  now?: () => number;
}

function humanLines(lines: readonly LogLine[], single: boolean): string {
  const width = Math.max(0, ...lines.map((line) => line.service.length));
  return lines.map((line) => `${single ? '' : `${line.service.padEnd(width)} | `}${line.stream === 'tovrun' ? '[tovrun] ' : ''}${line.text}\n`).join('');
}

function humanErrors(errors: readonly ServiceError[]): string {
  if (errors.length === 0) return 'no error block (traceback, bundler error or failure) in any service output\n';
  return errors
    .map(
      (error) => `── ${error.service}: last error${error.omitted > 0 ? ` (its first ${error.omitted} lines left out)` : ''}\n${humanLines(error.lines, true)}`,
    )
    .join('\n');
}

/** Prints the matching lines (or each service's last error block), as JSON with --json; exit 2 for an unknown service or a bad flag. */
export async function runLogsQuery(ctx: RunContext, options: LogsQueryOptions): Promise<number> {
  const workspace = loadCommandWorkspace(ctx);
  const files = workspaceLogFiles(
    workspace.stateDir,
    workspace.services.map((service) => service.name),
  );
  if (options.errors) {
    if (options.service !== undefined || options.grep !== undefined || options.since !== undefined || options.lines !== undefined)
      throw new UsageError('--errors shows the last error of every service and takes no service, --grep, --since or -n.', 'Run `tovrun logs --errors`.');
    const { source, errors } = await readErrors(workspace.stateDir, files);
    ctx.stdout.write(options.json ? `${JSON.stringify({ version: logsJsonVersion, source, errors }, null, 2)}\n` : humanErrors(errors));
    return ExitCode.ok;
  }
  const now = options.now ?? Date.now;
  const query = {
    service: options.service ?? null,
    since: options.since === undefined ? null : parseSince(options.since, now()),
    grep: options.grep ?? null,
    lines: options.lines ?? null,
  };
  const answer = await readLogs(workspace.stateDir, query, files);
  ctx.stdout.write(
    options.json ? `${JSON.stringify({ version: logsJsonVersion, ...answer }, null, 2)}\n` : humanLines(answer.lines, options.service !== undefined),
  );
  return ExitCode.ok;
}

/** The logs flags as commander gives them. */
export interface LogsFlags {
  follow?: boolean;
  previous?: boolean;
  json?: boolean;
  grep?: string;
  since?: string;
  lines?: number;
  errors?: boolean;
}

/** `tovrun logs`: printing or following the log files, or, with a search flag, a query of the running tovrun's output. */
export async function runLogsWithFlags(ctx: RunContext, service: string | undefined, flags: LogsFlags): Promise<number> {
  const query = flags.json || flags.errors || flags.grep !== undefined || flags.since !== undefined || flags.lines !== undefined;
  if (query && (flags.follow || flags.previous))
    throw new UsageError(
      `${flags.follow ? '--follow' : '--previous'} does not go with --json, --grep, --since, -n or --errors.`,
      'Search with `tovrun logs <service> --grep <regex>`; follow with `tovrun logs -f`.',
    );
  if (query)
    return runLogsQuery(ctx, { service, json: Boolean(flags.json), errors: Boolean(flags.errors), since: flags.since, grep: flags.grep, lines: flags.lines });
  const { runLogsCommand } = await import('./logs.js');
  return runLogsCommand(ctx, { service, follow: Boolean(flags.follow), previous: Boolean(flags.previous) });
}
