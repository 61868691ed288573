/** `tovrun` / `tovrun up`: validate the env, install what changed, start compose profiles and services, report ready, stop cleanly. */
import { availableChecks } from '../check/checks.js';
import { formatHumanReport, humanReportStyle } from '../check/print-human.js';
import { maskFindings } from '../check/report.js';
import { composeVariables, createComposeSession, loadComposeModel, requireComposeProvider, type ComposeSession } from '../compose/index.js';
import { useColor, type RunContext } from '../context.js';
import { loadEnvValues } from '../env/load.js';
import { createSecretMasker, maskerForSecrets } from '../env/mask.js';
import { ExitCode, UsageError } from '../errors.js';
import { installWorkspace } from '../install/install-workspace.js';
import { systemRunner, type CommandRunner } from '../install/runner.js';
import { createPrefixSink, type PrefixSink } from '../panes/prefix-sink.js';
import { planCompose, type ComposePlan } from '../plan/compose.js';
import { chooseDatabase, databaseOverrides, describeDatabase, type DatabaseChoice } from '../plan/database.js';
import { planLaunch } from '../plan/launch.js';
import { formatComposePlan, formatPlan } from '../plan/print-plan.js';
import { requestedProfiles } from '../plan/profiles.js';
import { selectServices, type ServiceSelection } from '../plan/select.js';
import { platformFor } from '../platform/platform.js';
import { formatReadySummary, handleStopSignals, leftoverLines, runExitCode, stopLeftovers, Supervisor, type ReadyService, type SignalSource } from '../supervisor/index.js';
import type { LaunchSpec } from '../supervisor/types.js';
import { loadWorkspace } from '../workspace/load.js';
import type { PanesMode, ServiceSpec, Workspace } from '../workspace/types.js';

/** Options of the up command. */
export interface UpOptions extends ServiceSelection {
  install: boolean;
  reinstall: boolean;
  profiles: string[];
  panes: PanesMode | undefined;
  dryRun: boolean;
  /** Leave the compose containers running at exit. */
  keep: boolean;
  /** False: start only the compose profiles (--no-services). */
  services: boolean;
}

/** Where stop signals come from (the process, or a fake emitter in tests), and how compose commands run. */
export interface UpDependencies {
  signals: SignalSource;
  nodePath: string;
  /** Runs compose and engine commands; the real tools by default. */
  composeRunner?: CommandRunner;
}

/** Refuses, before anything starts, what later issues have not landed yet: tmux/Windows panes. */
function refuseUnfinished(workspace: Workspace, options: UpOptions): void {
  const panes = options.panes ?? workspace.panes;
  if (panes === 'tmux' || panes === 'windows') {
    throw new UsageError(`--panes ${panes} is not implemented yet.`, 'Use --panes prefix (the default): every line carries its service name.');
  }
}

/** Runs the env check; prints problems (masked) and returns 1 when any is an error, else null to go on. */
function envGate(ctx: RunContext, workspace: Workspace): number | null {
  const check = availableChecks.get('env');
  if (!check) return null;
  const result = check(workspace);
  const findings = maskFindings(result.findings, maskerForSecrets(result.secrets)).filter((item) => item.status !== 'ok');
  if (findings.length === 0) return null;
  const failed = findings.some((item) => item.status === 'error');
  (failed ? ctx.stderr : ctx.stdout).write(formatHumanReport(findings, humanReportStyle(ctx)));
  if (failed) ctx.stderr.write('tovrun: nothing was started; fix the .env problems above and run tovrun again.\n');
  return failed ? ExitCode.failed : null;
}

/** The services to start natively: none with --no-services (which then needs a profile), else the selection. */
function nativeServices(workspace: Workspace, options: UpOptions, profiles: readonly string[]): ServiceSpec[] {
  if (!options.services) {
    if (profiles.length === 0) throw new UsageError('--no-services starts only compose profiles, and no profile was given.', 'Add -p <profile> (e.g. -p local-db), set TOVRUN_PROFILES, or drop --no-services.');
    return [];
  }
  const services = selectServices(workspace.services, options);
  if (services.length === 0) throw new UsageError('this workspace has no services to start.', 'Add services to tovrun.yaml (see `tovrun init`).');
  return services;
}

/** Everything one run starts, planned. */
interface RunPlan {
  launches: LaunchSpec[];
  compose: { plan: ComposePlan; dotEnv: Record<string, string> } | null;
  database: DatabaseChoice;
  /** The services told which database they use: the backend, and any Python service. */
  databaseUsers: string[];
}

/** Waits until the signal aborts. */
function untilAborted(signal: AbortSignal): Promise<void> {
  return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Starts compose (awaited healthy), then the services, and supervises them until they stop or a signal arrives. */
async function supervise(ctx: RunContext, workspace: Workspace, run: RunPlan, session: (sink: PrefixSink) => ComposeSession | null, mask: (text: string) => string, signals: SignalSource): Promise<number> {
  const names = [...(run.compose?.plan.services.map((service) => service.name) ?? []), ...run.launches.map((launch) => launch.name)];
  const sink = createPrefixSink({ destination: ctx.stdout, services: names, color: useColor(ctx.stdout, ctx.env), stateDir: workspace.stateDir, mask });
  const supervisor = new Supervisor({ stateDir: workspace.stateDir, shutdownTimeoutMs: workspace.shutdownTimeoutMs, sink, mask });
  await supervisor.preflightPorts(run.launches.flatMap((launch) => (launch.port === null ? [] : [{ name: launch.name, port: launch.port }])));
  const stopping = new AbortController();
  const stop = handleStopSignals(signals, { stop: (reason) => (stopping.abort(), supervisor.stop(reason)), forceStop: () => supervisor.forceStop() });
  const interrupted = () => (stop.received === 'SIGINT' ? ExitCode.interrupted : ExitCode.ok);
  const compose = session(sink);
  try {
    // The backend starts only after its database (and every other compose service) is healthy.
    const composeReady: ReadyService[] = compose ? ((await compose.start(stopping.signal)) ?? []) : [];
    if (stopping.signal.aborted) return interrupted();
    if (run.launches.length === 0) {
      sink.flush();
      ctx.stdout.write(formatReadySummary(composeReady));
      await untilAborted(stopping.signal);
      return interrupted();
    }
    for (const name of run.databaseUsers) sink.notice(name, `database: ${describeDatabase(run.database)}`);
    supervisor.start(run.launches);
    const ready = await supervisor.waitReady();
    if (ready) {
      sink.flush();
      ctx.stdout.write(formatReadySummary([...composeReady, ...ready]));
    }
    return runExitCode(await supervisor.finished, stop.received);
  } catch (error) {
    await supervisor.stop('failed');
    // Ctrl-C while compose starts makes compose fail too: that is an interruption, not an error.
    if (stopping.signal.aborted) return interrupted();
    throw error;
  } finally {
    stop.dispose();
    await compose?.stop();
    await sink.close();
  }
}

/** The whole pipeline: env check, plan, leftovers, compose provider, install, ports, compose, services, supervision. */
export async function runUpCommand(ctx: RunContext, options: UpOptions, deps: UpDependencies = { signals: process, nodePath: process.execPath }): Promise<number> {
  const workspace = loadWorkspace(ctx.cwd);
  refuseUnfinished(workspace, options);
  const profiles = requestedProfiles(options.profiles, ctx.env, workspace.composeProfiles);
  const services = nativeServices(workspace, options, profiles);
  const blocked = envGate(ctx, workspace);
  if (blocked !== null) return blocked;

  const env = loadEnvValues(workspace, ctx.env);
  const mask = createSecretMasker(env.values, env.secretKeys);
  const variables = profiles.length > 0 ? composeVariables(workspace, ctx.env) : null;
  const composePlan = variables ? planCompose({ profiles, model: loadComposeModel(workspace, variables.values, profiles), envFile: env.found ? workspace.envFile : null, values: variables.values }) : null;
  const backend = services.find((service) => service.name === 'backend');
  const database = chooseDatabase({ profiles, values: { ...env.values, ...ctx.env }, configured: backend?.env.DATABASE_URL });
  const inputs = { envValues: env.values, processEnv: ctx.env, platform: platformFor(ctx.platform), color: useColor(ctx.stdout, ctx.env), nodePath: deps.nodePath, overrides: databaseOverrides(database) };
  const databaseUsers = database.url === null ? [] : services.filter((service) => service.name === 'backend' || service.type === 'python').map((service) => service.name);
  if (options.dryRun) {
    if (composePlan) ctx.stdout.write(formatComposePlan(composePlan, databaseUsers.length > 0 ? describeDatabase(database) : null));
    if (services.length > 0) ctx.stdout.write(formatPlan(services.map((service) => planLaunch(service, inputs)), Object.keys(env.values)));
    return ExitCode.ok;
  }
  const leftovers = await stopLeftovers(workspace.stateDir, { shutdownTimeoutMs: workspace.shutdownTimeoutMs, liveOwner: 'refuse' });
  for (const line of leftoverLines(leftovers, workspace.shutdownTimeoutMs)) ctx.stdout.write(line);
  const runner = deps.composeRunner ?? systemRunner(platformFor(ctx.platform));
  const provider = composePlan ? await requireComposeProvider(runner, ctx.platform, `the compose profiles ${profiles.join(', ')} need a container engine`) : null;
  if (options.install && services.length > 0) await installWorkspace(ctx, workspace, { reinstall: options.reinstall, services: services.map((service) => service.name) });
  // Planned after installing: a package binary (vite) is only resolvable once node_modules exists.
  const launches = services.map((service) => planLaunch(service, inputs));
  const compose = composePlan && variables ? { plan: composePlan, dotEnv: variables.dotEnv } : null;
  const session = (sink: PrefixSink): ComposeSession | null =>
    compose && provider
      ? createComposeSession({ ...compose, provider, runner, processEnv: ctx.env, sink, stateDir: workspace.stateDir, healthTimeoutMs: workspace.composeHealthTimeoutMs, shutdownTimeoutMs: workspace.shutdownTimeoutMs, keep: options.keep, mask })
      : null;
  return supervise(ctx, workspace, { launches, compose, database, databaseUsers }, session, mask, deps.signals);
}
