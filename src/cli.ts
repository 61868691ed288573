/** The command line: declares commands and flags with commander and dispatches to src/commands/; no logic here. */
import { Command, CommanderError, Option } from 'commander';
import type { CheckOptions } from './commands/check.js';
import type { ShellName } from './commands/env.js';
import type { LogsFlags } from './commands/logs-query.js';
import type { UpOptions } from './commands/up.js';
import type { RunContext } from './context.js';
import { ExitCode, exitCodeOf, formatError, UsageError } from './errors.js';
import { packageVersion } from './paths.js';
import type { PanesMode } from './workspace/types.js';

const examples = `
Examples:
  $ tovrun                      validate .env, install what changed, start backend and frontend
  $ tovrun --check              read-only doctor, as CI runs it (add --json for machines)
  $ tovrun check env            check .env against .env.template only
  $ tovrun -p local-db          also start the local PostgreSQL compose profile
  $ tovrun install              install backend and frontend packages, skipping what is up to date
  $ tovrun demo                 run the embedded Flask + Vite demo in .tovrun/demo/
  $ tovrun logs backend -f      follow one service's log
  $ tovrun down                 stop everything a previous tovrun left running
  $ tovrun --instance 1         run a second copy beside the first (every port + 10, its own compose project)`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function instanceOption(): Option {
  return new Option('--instance <n>', 'address copy n of the workspace (0-9 or auto; ports +n×10; also TOVRUN_INSTANCE)');
}

function panesOption(): Option {
  return new Option('--panes <mode>', 'how service output is shown').choices(['auto', 'prefix', 'tmux', 'windows', 'tui']);
}

/** The check flags as commander gives them. */
interface RawCheckOptions {
  json?: boolean;
  strict?: boolean;
  requireDb?: boolean;
  profile?: string[];
}

function checkOptions(raw: RawCheckOptions): CheckOptions {
  return { json: Boolean(raw.json), strict: Boolean(raw.strict), requireDb: Boolean(raw.requireDb), profiles: raw.profile ?? [] };
}

/** The up flags as commander gives them. */
interface RawUpOptions {
  backend?: boolean;
  frontend?: boolean;
  only?: string[];
  install?: boolean;
  reinstall?: boolean;
  profile?: string[];
  panes?: PanesMode;
  dryRun?: boolean;
  keep?: boolean;
  recreateCompose?: boolean;
  services?: boolean;
  detach?: boolean;
  background?: boolean;
}

function upOptions(raw: RawUpOptions): UpOptions {
  return {
    backend: Boolean(raw.backend),
    frontend: Boolean(raw.frontend),
    only: raw.only ?? [],
    install: raw.install !== false,
    reinstall: Boolean(raw.reinstall),
    profiles: raw.profile ?? [],
    panes: raw.panes,
    dryRun: Boolean(raw.dryRun),
    keep: Boolean(raw.keep),
    recreateCompose: Boolean(raw.recreateCompose),
    services: raw.services !== false,
    detach: Boolean(raw.detach),
    background: Boolean(raw.background),
  };
}

/** The flags of `up` that shape the doctor's report, and those that shape a run of services: each only with, or only without, --check. */
const checkOnlyFlags: Readonly<Record<string, string>> = { json: '--json', strict: '--strict', requireDb: '--require-db' };
const runOnlyFlags: Readonly<Record<string, string>> = {
  backend: '--backend',
  frontend: '--frontend',
  only: '--only',
  install: '--no-install',
  reinstall: '--reinstall',
  keep: '--keep',
  recreateCompose: '--recreate-compose',
  services: '--no-services',
  panes: '--panes',
  dryRun: '--dry-run',
  detach: '--detach',
};

/**
 * A UsageError for a flag that `up` would otherwise ignore: --json without --check would start the services (a report flag
 * never starts anything), --backend with --check would be silently dropped. Nothing is implied: the error says what to run.
 */
function refuseStrayFlags(command: Command): void {
  const given = (flags: Readonly<Record<string, string>>) =>
    Object.keys(flags)
      .filter((key) => command.getOptionValueSource(key) === 'cli')
      .map((key) => flags[key] as string);
  if (command.getOptionValueSource('check') === 'cli') {
    const stray = given(runOnlyFlags)[0];
    if (stray !== undefined)
      throw new UsageError(
        `${stray} does not go with --check: the doctor starts nothing and checks the whole workspace.`,
        `Run \`tovrun --check\`, or drop --check to start services with ${stray}.`,
      );
    return;
  }
  const stray = given(checkOnlyFlags)[0];
  if (stray !== undefined)
    throw new UsageError(
      `${stray} goes with --check: run \`tovrun --check ${stray}\`.`,
      'Without --check, tovrun starts the services; --json, --strict and --require-db only shape the report of the read-only doctor.',
    );
}

/** The context with the --instance flag of the command's options, when given. */
function withInstance(ctx: RunContext, options: { instance?: string }): RunContext {
  return options.instance === undefined ? ctx : { ...ctx, instance: options.instance };
}

function positiveCount(value: string, flag: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(count))
    throw new UsageError(`${flag} ${JSON.stringify(value)} is not a count of lines.`, `Give a whole number, e.g. ${flag} 50.`);
  return count;
}

/** The commander program; every action stores its exit code through setResult. */
export function createProgram(ctx: RunContext, setResult: (code: number) => void): Command {
  const program = new Command('tovrun');
  const run = (action: () => Promise<number>) => async () => setResult(await action());
  program
    .description('Local-first developer environments: one .env, Python and npm installs, Flask, Vite and compose profiles in labelled panes.')
    .version(packageVersion(), '-V, --version', 'print the tovrun version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .addHelpText('after', examples)
    .configureOutput({ writeOut: (text) => ctx.stdout.write(text), writeErr: (text) => ctx.stderr.write(text) })
    .exitOverride();

  program
    .command('up')
    .description('validate the env, install what changed, and run every service until Ctrl-C (the default command)')
    .option('--check', 'run the read-only doctor instead (same as `tovrun check`)')
    .option('--json', 'with --check: print the report as JSON')
    .option('--strict', 'with --check: warnings fail too')
    .option('--require-db', 'with --check: an unreachable database is an error')
    .option('--backend', 'start only the backend')
    .option('--frontend', 'start only the frontend')
    .option('--only <names...>', 'start only the named services')
    .option('--no-install', 'skip installing packages')
    .option('--reinstall', 'reinstall packages even when up to date')
    .option('-p, --profile <name>', 'also start a compose profile (repeatable; also TOVRUN_PROFILES=a,b)', collect, [])
    .option('--keep', 'leave the compose containers running when tovrun exits')
    .option('--recreate-compose', 'recreate the compose services whose variables a .env edit changed (otherwise tovrun names the command)')
    .option('--no-services', 'start only the compose profiles, not the backend and frontend')
    .addOption(panesOption())
    .option('--dry-run', 'print the plan (programs, folders, ports, probes) and start nothing')
    .addOption(instanceOption())
    .option('--detach', 'run in the background and return once every service is ready (exit 1 with the reason if not); stop it with `tovrun down`')
    .addOption(new Option('--background').hideHelp())
    .action(async (options: RawUpOptions & RawCheckOptions & { check?: boolean; instance?: string }, command: Command) => {
      refuseStrayFlags(command);
      const context = withInstance(ctx, options);
      if (options.check) return run(async () => (await import('./commands/check.js')).runCheck(context, [], checkOptions(options)))();
      if (options.detach && !options.dryRun)
        return run(async () => (await import('./commands/up-detach.js')).runDetached(context, upOptions(options), process.argv))();
      return run(async () => (await import('./commands/up.js')).runUpCommand(context, upOptions(options)))();
    });

  program
    .command('check [checks...]')
    .description('read-only doctor: report every problem with a fix (checks: env, toolchains, dependencies, ports, compose, hygiene, database)')
    .option('--json', 'print the report as JSON')
    .option('--strict', 'warnings fail too')
    .option('--require-db', 'an unreachable database is an error')
    .option('-p, --profile <name>', 'check as if this compose profile were started (repeatable)', collect, [])
    .addOption(instanceOption())
    .action((checks: string[], options: RawCheckOptions & { instance?: string }) =>
      run(async () => (await import('./commands/check.js')).runCheck(withInstance(ctx, options), checks, checkOptions(options)))(),
    );

  program
    .command('install')
    .description('create the venv and install backend (pip) and frontend (npm, dev included) packages')
    .option('--reinstall', 'reinstall even when up to date')
    .action((options: { reinstall?: boolean }) =>
      run(async () => (await import('./commands/install.js')).runInstallCommand(ctx, { reinstall: Boolean(options.reinstall) }))(),
    );

  program
    .command('demo [dir]')
    .description('copy the embedded Flask + Vite demo into a scratch folder (default .tovrun/demo) and run it')
    .option('--no-install', 'skip installing packages')
    .addOption(panesOption())
    .option('--dry-run', 'print the plan and start nothing')
    .addOption(instanceOption())
    .action((dir: string | undefined, options: RawUpOptions & { instance?: string }) =>
      run(async () => (await import('./commands/demo.js')).runDemoCommand(withInstance(ctx, options), dir, upOptions(options)))(),
    );
  program
    .command('status')
    .description('show the services of the tovrun running in this workspace: state, pid, port, uptime, restarts')
    .option('--json', 'print the status as JSON')
    .addOption(instanceOption())
    .action((options: { json?: boolean; instance?: string }) =>
      run(async () => (await import('./commands/status.js')).runStatusCommand(withInstance(ctx, options), { json: Boolean(options.json) }))(),
    );
  program
    .command('restart <service>')
    .description('restart one service of the tovrun running in this workspace')
    .addOption(instanceOption())
    .action((service: string, options: { instance?: string }) =>
      run(async () => (await import('./commands/restart.js')).runRestartCommand(withInstance(ctx, options), service))(),
    );
  program
    .command('stop <service>')
    .description('stop one service of the tovrun running in this workspace alone (its dependents keep running)')
    .addOption(instanceOption())
    .action((service: string, options: { instance?: string }) =>
      run(async () => (await import('./commands/stop-start.js')).runStopServiceCommand(withInstance(ctx, options), service))(),
    );
  program
    .command('start <service>')
    .description('start again a service stopped with `tovrun stop` (or `s` in the terminal UI)')
    .addOption(instanceOption())
    .action((service: string, options: { instance?: string }) =>
      run(async () => (await import('./commands/stop-start.js')).runStartServiceCommand(withInstance(ctx, options), service))(),
    );
  program
    .command('__pane-agent', { hidden: true })
    .requiredOption('--socket <path>')
    .requiredOption('--ticket <ticket>')
    .option('--pipe')
    .action((options: { socket: string; ticket: string; pipe?: boolean }) =>
      run(async () => (await import('./commands/pane-agent.js')).runPaneAgentCommand({ ...options, pipe: Boolean(options.pipe) }))(),
    );
  program
    .command('init [dir]')
    .description('adopt tovrun in an existing repository: tovrun.yaml, .env.template, compose file, infra/, SETUP.md, .env, .gitignore (never overwrites)')
    .option('--preset <name>', 'the stack: tovplay (default) or node-postgres-redis', 'tovplay')
    .option('--dry-run', 'print what would be written and write nothing')
    .option('--backend <dir>', 'the backend folder (instead of detecting or asking)')
    .option('--frontend <dir>', 'the frontend folder (instead of detecting or asking)')
    .option('-y, --yes', 'ask nothing; take what was detected')
    .option(
      '--tovrun-spec <spec>',
      "what the root package.json pins tovrun at: a version range, a tarball path or URL, a git URL (default: this tovrun's version)",
    )
    .action((dir: string | undefined, options: { preset: string; dryRun?: boolean; backend?: string; frontend?: string; yes?: boolean; tovrunSpec?: string }) =>
      run(async () =>
        (await import('./commands/init.js')).runInitCommand(ctx, dir, { ...options, dryRun: Boolean(options.dryRun), yes: Boolean(options.yes) }),
      )(),
    );
  program
    .command('down')
    .description('stop everything a previous tovrun started and left running')
    .addOption(instanceOption())
    .action((options: { instance?: string }) => run(async () => (await import('./commands/down.js')).runDownCommand(withInstance(ctx, options)))());
  program
    .command('logs [service]')
    .description("show services' logs from .tovrun/logs/, or search the running tovrun's output (--grep, --since, -n, --errors, --json)")
    .option('-f, --follow', 'keep printing new lines')
    .option('-p, --previous', "the previous run's logs (each run keeps the one before it)")
    .addOption(instanceOption())
    .option('--json', 'print the lines found as JSON (version, source, matched, lines)')
    .option('--grep <regex>', 'only lines matching this JavaScript regular expression')
    .option('--since <time>', 'only lines since a duration ago (30s, 10m, 2h) or a time (14:05, 2026-12-04T14:05:00Z); needs a running tovrun')
    .option('-n, --lines <count>', 'only the last <count> lines found', (value) => positiveCount(value, '-n'))
    .option('--errors', "each service's last error: a Python traceback, a Vite or esbuild error, a failed start or readiness")
    .action((service: string | undefined, options: LogsFlags & { instance?: string }) =>
      run(async () => (await import('./commands/logs-query.js')).runLogsWithFlags(withInstance(ctx, options), service, options))(),
    );
  program
    .command('mcp')
    .description('serve the Model Context Protocol over stdio, for coding agents: status, logs, errors, restart, stop, start, check, up, down')
    .addOption(instanceOption())
    .action((options: { instance?: string }) => run(async () => (await import('./commands/mcp.js')).runMcpCommand(withInstance(ctx, options)))());
  program
    .command('wait [services...]')
    .description('wait until the services (all when none are named) of the running tovrun are ready: exit 0; 1 if one fails or time runs out; 2 if none runs')
    .option('--timeout <seconds>', 'give up after this many seconds', '60')
    .addOption(instanceOption())
    .action((services: string[], options: { timeout: string; instance?: string }) =>
      run(async () => {
        const { parseTimeout, runWaitCommand } = await import('./commands/wait.js');
        return runWaitCommand(withInstance(ctx, options), services, { timeoutSeconds: parseTimeout(options.timeout) });
      })(),
    );
  program
    .command('events')
    .description("print each state change of the running tovrun's services as it happens (started, exited, restarting, ready…), until Ctrl-C")
    .option('--json', 'one JSON object per line (version, time, service, type, text and the fields of its type)')
    .addOption(instanceOption())
    .action((options: { json?: boolean; instance?: string }) =>
      run(async () => (await import('./commands/events.js')).runEventsCommand(withInstance(ctx, options), { json: Boolean(options.json) }))(),
    );
  program
    .command('env')
    .description("print the backend venv's activation for your shell")
    .addOption(new Option('--shell <shell>', 'the shell to print for').choices(['bash', 'zsh', 'fish', 'powershell', 'cmd']))
    .action((options: { shell?: ShellName }) => run(async () => (await import('./commands/env.js')).runEnvCommand(ctx, { shell: options.shell }))());
  return program;
}

/** Runs the CLI on argv (without node and script) and returns the exit code; never exits the process. */
export async function main(argv: string[], ctx: RunContext): Promise<number> {
  let code: number = ExitCode.ok;
  const program = createProgram(ctx, (result) => {
    code = result;
  });
  try {
    await program.parseAsync(withDefaultCommand(argv), { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error, ctx);
    ctx.stderr.write(`${formatError(error, ctx.debug)}\n`);
    return exitCodeOf(error);
  }
}

const rootOnlyFlags = new Set(['-h', '--help', '-V', '--version']);

/** `up` is the default command: argv with no command (only flags, or nothing) gets it put in front. */
export function withDefaultCommand(argv: string[]): string[] {
  const first = argv[0];
  if (first === undefined) return ['up'];
  if (first.startsWith('-') && !rootOnlyFlags.has(first)) return ['up', ...argv];
  return argv;
}

function commanderExitCode(error: CommanderError, ctx: RunContext): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
  if (error.exitCode === 0) return ExitCode.ok;
  ctx.stderr.write('Run `tovrun --help` for the commands and flags.\n');
  return ExitCode.usage;
}

/** The real process's context, re-exported so bin/ needs one module (the bundle's entry). */
export { processContext } from './context.js';
