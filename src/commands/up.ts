/** `tovrun` / `tovrun up`: validate the env, install what changed, start every service, report ready, stop cleanly. */
import { availableChecks } from '../check/checks.js';
import { formatHumanReport, humanReportStyle } from '../check/print-human.js';
import { maskFindings } from '../check/report.js';
import { useColor, type RunContext } from '../context.js';
import { loadEnvValues } from '../env/load.js';
import { createSecretMasker, maskerForSecrets } from '../env/mask.js';
import { ExitCode, UsageError } from '../errors.js';
import { installWorkspace } from '../install/install-workspace.js';
import { createPrefixSink } from '../panes/prefix-sink.js';
import { planLaunch } from '../plan/launch.js';
import { formatPlan } from '../plan/print-plan.js';
import { selectServices, type ServiceSelection } from '../plan/select.js';
import { platformFor } from '../platform/platform.js';
import { formatReadySummary, handleStopSignals, leftoverLines, runExitCode, stopLeftovers, Supervisor, type SignalSource } from '../supervisor/index.js';
import type { LaunchSpec } from '../supervisor/types.js';
import { loadWorkspace } from '../workspace/load.js';
import type { PanesMode, Workspace } from '../workspace/types.js';

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

/** Where stop signals come from (the process, or a fake emitter in tests). */
export interface UpDependencies {
  signals: SignalSource;
  nodePath: string;
}

/** Refuses, before anything starts, what later issues have not landed yet: compose profiles, tmux/Windows panes. */
function refuseUnfinished(workspace: Workspace, options: UpOptions): void {
  const profiles = [...options.profiles, ...workspace.composeProfiles];
  if (profiles.length > 0) {
    throw new UsageError(`compose profiles (${profiles.join(', ')}) are not implemented yet.`, 'Start them with `docker compose --profile <name> up` for now, and run tovrun without -p.');
  }
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

/** Starts the planned services and supervises them until they all stop; returns the exit code. */
async function supervise(ctx: RunContext, workspace: Workspace, launches: LaunchSpec[], mask: (text: string) => string, signals: SignalSource): Promise<number> {
  const color = useColor(ctx.stdout, ctx.env);
  const sink = createPrefixSink({ destination: ctx.stdout, services: launches.map((launch) => launch.name), color, stateDir: workspace.stateDir, mask });
  const supervisor = new Supervisor({ stateDir: workspace.stateDir, shutdownTimeoutMs: workspace.shutdownTimeoutMs, sink, mask });
  await supervisor.preflightPorts(launches.flatMap((launch) => (launch.port === null ? [] : [{ name: launch.name, port: launch.port }])));
  const stop = handleStopSignals(signals, supervisor);
  try {
    supervisor.start(launches);
    const ready = await supervisor.waitReady();
    if (ready) {
      sink.flush();
      ctx.stdout.write(formatReadySummary(ready));
    }
    return runExitCode(await supervisor.finished, stop.received);
  } catch (error) {
    await supervisor.stop('failed');
    throw error;
  } finally {
    stop.dispose();
    await sink.close();
  }
}

/** The whole pipeline: env check, leftovers, install, ports, start, ready summary, supervision. */
export async function runUpCommand(ctx: RunContext, options: UpOptions, deps: UpDependencies = { signals: process, nodePath: process.execPath }): Promise<number> {
  const workspace = loadWorkspace(ctx.cwd);
  refuseUnfinished(workspace, options);
  const services = selectServices(workspace.services, options);
  if (services.length === 0) throw new UsageError('this workspace has no services to start.', 'Add services to tovrun.yaml (see `tovrun init`).');
  const blocked = envGate(ctx, workspace);
  if (blocked !== null) return blocked;

  const env = loadEnvValues(workspace, ctx.env);
  const mask = createSecretMasker(env.values, env.secretKeys);
  const inputs = { envValues: env.values, processEnv: ctx.env, platform: platformFor(ctx.platform), color: useColor(ctx.stdout, ctx.env), nodePath: deps.nodePath };
  if (options.dryRun) {
    ctx.stdout.write(formatPlan(services.map((service) => planLaunch(service, inputs)), Object.keys(env.values)));
    return ExitCode.ok;
  }
  const leftovers = await stopLeftovers(workspace.stateDir, { shutdownTimeoutMs: workspace.shutdownTimeoutMs, liveOwner: 'refuse' });
  for (const line of leftoverLines(leftovers, workspace.shutdownTimeoutMs)) ctx.stdout.write(line);
  if (options.install) await installWorkspace(ctx, workspace, { reinstall: options.reinstall, services: services.map((service) => service.name) });
  // Planned after installing: a package binary (vite) is only resolvable once node_modules exists.
  const launches = services.map((service) => planLaunch(service, inputs));
  return supervise(ctx, workspace, launches, mask, deps.signals);
}
