/** `tovrun` / `tovrun up`: validate the env, install what changed, start compose profiles and services, report ready, stop cleanly. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ComposeSession } from '../compose/index.js';
import type { RunContext } from '../context.js';
import { type EnvValues, loadEnvValues } from '../env/load.js';
import { maskerForSecrets, secretStrings } from '../env/mask.js';
import { ExitCode, UsageError } from '../errors.js';
import { installWorkspace } from '../install/install-workspace.js';
import type { InstallObserver } from '../os/install-observer.js';
import type { LineMask, ServiceOutputSink } from '../os/output-sink.js';
import type { SignalSource } from '../os/signal-source.js';
import { type CommandRunner, systemRunner } from '../os/system-runner.js';
import { childrenUseColor, needsTmuxSession, selectPanesMode } from '../panes/mode.js';
import { panesFromEnv } from '../panes/panes-env.js';
import { closeLeftoverPanes } from '../panes/tmux/close-recorded.js';
import { planCompose } from '../plan/compose.js';
import { databaseOverrides, databaseUse, describeDatabase } from '../plan/database.js';
import { foreignDependencies, withDependencies } from '../plan/depends-on.js';
import { instanceValues } from '../plan/instance-values.js';
import { planLaunch } from '../plan/launch.js';
import type { LaunchSpec } from '../plan/launch-spec.js';
import { formatComposePlan, formatInstanceLine, formatPlan } from '../plan/print-plan.js';
import { requestedProfiles } from '../plan/profiles.js';
import { type ServiceSelection, selectServices } from '../plan/select.js';
import { findExecutable } from '../platform/executable.js';
import { platformFor } from '../platform/platform.js';
import { leftoverLines, stopLeftovers } from '../supervisor/index.js';
import { loadCommandWorkspace } from '../workspace/load.js';
import { checkServiceDirs } from '../workspace/service-dirs.js';
import type { PanesMode, ServiceSpec, Workspace } from '../workspace/types.js';
import { devLoopInputs, envReport } from './up-follow.js';
import { installInUi } from './up-output.js';
import { supervise } from './up-supervise.js';

/** Options of the up command. */
export interface UpOptions extends ServiceSelection {
  install: boolean;
  reinstall: boolean;
  profiles: string[];
  panes: PanesMode | undefined;
  dryRun: boolean;
  /** Leave the compose containers running at exit. */
  keep: boolean;
  /** Recreate the compose services a .env edit touches, instead of naming the command that does. */
  recreateCompose?: boolean;
  /** False: start only the compose profiles (--no-services). */
  services: boolean;
  /** Start a tovrun in the background and return once it is ready (`--detach`). */
  detach?: boolean;
  /** This process is that background tovrun (the hidden --background flag `--detach` gives it). */
  background?: boolean;
}

/** Where stop signals come from (the process, or a fake emitter in tests), and how compose commands run. */
export interface UpDependencies {
  signals: SignalSource;
  nodePath: string;
  /** Runs compose and engine commands; the real tools by default. */
  composeRunner?: CommandRunner;
  /** This process's command line, run again inside a new tmux session (process.argv by default). */
  argv?: string[];
}

/** The secret strings of the .env (lines continuing a secret included) and of every environment given to services or compose (secret keys, named or looking like secrets, URL passwords). */
export function runSecrets(env: EnvValues, environments: ReadonlyArray<Readonly<Record<string, string | undefined>>>): string[] {
  return [
    ...new Set([...secretStrings(env.values, env.secretKeys), ...env.hidden, ...environments.flatMap((values) => secretStrings(values, env.secretKeys))]),
  ];
}

/** Runs the env check (when there is a template); prints problems (masked) and returns 1 on an error, else null to go on. */
function envGate(ctx: RunContext, workspace: Workspace): number | null {
  const report = envReport(ctx, workspace);
  if (report === null) return null;
  (report.failed ? ctx.stderr : ctx.stdout).write(report.text);
  if (report.failed) ctx.stderr.write('tovrun: nothing was started; fix the .env problems above and run tovrun again.\n');
  return report.failed ? ExitCode.failed : null;
}

/** The services to start natively: none with --no-services (which then needs a profile), else the selection. */
function nativeServices(workspace: Workspace, options: UpOptions, profiles: readonly string[]): ServiceSpec[] {
  if (!options.services) {
    if (profiles.length === 0)
      throw new UsageError(
        '--no-services starts only compose profiles, and no profile was given.',
        'Add -p <profile> (e.g. -p local-db), set TOVRUN_PROFILES, or drop --no-services.',
      );
    return [];
  }
  const services = selectServices(workspace.services, options);
  if (services.length === 0) throw new UsageError('this workspace has no services to start.', 'Add services to tovrun.yaml (see `tovrun init`).');
  return services;
}

/** The whole pipeline: env check, plan, leftovers, compose provider, install, ports, compose, services, supervision. */
export async function runUpCommand(
  ctx: RunContext,
  options: UpOptions,
  deps: UpDependencies = { signals: process, nodePath: process.execPath },
): Promise<number> {
  const workspace = loadCommandWorkspace(ctx);
  const platform = platformFor(ctx.platform);
  const terminal = { stdin: Boolean(process.stdin.isTTY), stdout: ctx.stdout.isTTY, columns: ctx.stdout.columns, rows: process.stdout.rows };
  const requested = options.panes ?? panesFromEnv(ctx.env) ?? workspace.panes;
  const selection = selectPanesMode({ requested, env: ctx.env, platform, findExecutable: (name) => findExecutable(name, ctx.env, platform), terminal });
  const profiles = requestedProfiles(options.profiles, ctx.env, workspace.composeProfiles);
  const selected = nativeServices(workspace, options, profiles);
  const blocked = envGate(ctx, workspace);
  if (blocked !== null) return blocked;
  // Outside tmux on a terminal, --panes tmux runs this same command again in a new session's first pane and attaches.
  if (!options.dryRun && needsTmuxSession(selection, ctx.stdout)) {
    const { runInNewTmuxSession } = await import('../panes/tmux/tmux-session.js');
    return runInNewTmuxSession({
      tmux: selection.tmux,
      root: workspace.root,
      instance: workspace.instance.number,
      argv: deps.argv ?? process.argv,
      env: ctx.env,
      stdout: ctx.stdout,
    });
  }

  const env = loadEnvValues(workspace, ctx.env);
  // depends_on may name compose services: their profiles are checked even when no profile was requested.
  const composeNeeded = profiles.length > 0 || (foreignDependencies(workspace.services).length > 0 && existsSync(workspace.composeFile));
  // The compose modules (a YAML parser, the compose schema) are loaded only by runs that use compose.
  const composeModule = composeNeeded ? await import('../compose/index.js') : null;
  const variables = composeModule ? composeModule.composeVariables(workspace, ctx.env) : null;
  const model = composeModule && variables ? composeModule.loadComposeModel(workspace, variables.values, profiles) : null;
  // Where the engine publishes ports: a remote engine's host for the URLs tovrun wires (DATABASE_URL, the ready links).
  const engineAddress = composeModule && profiles.length > 0 ? composeModule.resolveEngineEndpoint(ctx.env, ctx.platform).address : 'localhost';
  const services = withDependencies({
    services: workspace.services,
    selected,
    compose: model,
    profiles,
    configFile: workspace.configFile ?? path.join(workspace.root, 'tovrun.yaml'),
  });
  checkServiceDirs(workspace, services);
  const composePlan =
    variables && model && profiles.length > 0
      ? planCompose({
          profiles,
          model,
          envFile: env.found ? workspace.envFile : null,
          values: variables.values,
          instance: workspace.instance.number,
          engineAddress,
        })
      : null;
  // An instance above 0 moves the ports that values name (BACKEND_PORT, DATABASE_URL on localhost): over .env and the environment.
  const moved = instanceValues(workspace, composePlan, { ...env.values, ...ctx.env });
  const { choice: database, users: databaseUsers } = databaseUse(
    workspace.services,
    services,
    profiles,
    { ...env.values, ...ctx.env, ...moved },
    engineAddress,
  );
  // The launch inputs for a .env's values: at start and again when the dev loop reads an edited .env.
  const inputsFor = (values: typeof env.values, movedValues = instanceValues(workspace, composePlan, { ...values, ...ctx.env })) => ({
    envValues: values,
    processEnv: ctx.env,
    platform,
    color: childrenUseColor(selection, ctx.stdout, ctx.env),
    nodePath: deps.nodePath,
    overrides: { ...movedValues, ...databaseOverrides(database) },
    serviceNames: services.map((service) => service.name),
  });
  const inputs = inputsFor(env.values, moved);
  // Every secret a service or container receives: .env's, the environment's, tovrun.yaml env:'s and the DATABASE_URL tovrun composes.
  const secrets = (launches: readonly LaunchSpec[]) =>
    runSecrets(env, [ctx.env, variables?.values ?? {}, { DATABASE_URL: database.url ?? undefined }, ...launches.map((launch) => launch.env)]);
  const runner = deps.composeRunner ?? systemRunner(platform);
  if (options.dryRun) {
    const planned = services.map((service) => planLaunch(service, inputs));
    const mask = maskerForSecrets(secrets(planned));
    ctx.stdout.write(formatInstanceLine(workspace.instance));
    if (composePlan) ctx.stdout.write(mask(formatComposePlan(composePlan, { users: databaseUsers, described: describeDatabase(database) })));
    if (composePlan && composeModule) ctx.stdout.write(mask(await composeModule.engineLine(runner, ctx.platform, ctx.env)));
    if (services.length > 0) ctx.stdout.write(mask(formatPlan(planned, Object.keys(env.values))));
    return ExitCode.ok;
  }
  const leftovers = await stopLeftovers(workspace.stateDir, {
    shutdownTimeoutMs: workspace.shutdownTimeoutMs,
    liveOwner: 'refuse',
    closePanes: closeLeftoverPanes,
    instance: workspace.instance.number,
  });
  for (const line of leftoverLines(leftovers, workspace.shutdownTimeoutMs)) ctx.stdout.write(line);
  const connected =
    composePlan && composeModule
      ? await composeModule.requireComposeProvider(runner, ctx.platform, `the compose profiles ${profiles.join(', ')} need a container engine`, ctx.env)
      : null;
  const provider = connected?.provider ?? null;
  const install = (observer?: InstallObserver) =>
    installWorkspace(ctx, workspace, { reinstall: options.reinstall, services: inputs.serviceNames, ...(observer ? { observer } : {}) });
  // The UI opens before the install (which shows inside it); the relay's mask is known once the launches are planned.
  let relayMask: LineMask = (line) => line;
  const composeNames = composePlan?.services.map((service) => service.name) ?? [];
  const uiOptions = { names: [...composeNames, ...inputs.serviceNames], composeNames, mask: (line: string) => relayMask(line), signals: deps.signals };
  const early = selection.mode === 'tui' && options.install && services.length > 0 ? await installInUi(ctx, workspace, uiOptions, install) : null;
  if (!early && options.install && services.length > 0) await install();
  let launches: LaunchSpec[];
  try {
    // Planned after installing: a package binary (vite) is only resolvable once node_modules exists.
    launches = services.map((service) => planLaunch(service, inputs));
  } catch (error) {
    await early?.close();
    throw error;
  }
  relayMask = maskerForSecrets(secrets(launches), 'relay');
  // The relay's mask follows the .env: a secret added while running is masked from its first line.
  const mask: LineMask = (line) => relayMask(line);
  // compose interpolates its file with the instance's values too (a URL variable on a moved port); its own variables win.
  const compose = composePlan && variables ? { plan: { ...composePlan, variables: { ...moved, ...composePlan.variables } }, dotEnv: variables.dotEnv } : null;
  const session = (sink: ServiceOutputSink): ComposeSession | null =>
    compose && provider && connected && composeModule
      ? composeModule.createComposeSession({
          ...compose,
          provider,
          engine: connected.engine,
          runner,
          processEnv: ctx.env,
          sink,
          workspaceRoot: workspace.root,
          stateDir: workspace.stateDir,
          healthTimeoutMs: workspace.composeHealthTimeoutMs,
          shutdownTimeoutMs: workspace.shutdownTimeoutMs,
          keep: options.keep,
          mask,
        })
      : null;
  const composeRun =
    compose && provider && connected && composeModule
      ? {
          module: composeModule,
          plan: compose.plan,
          provider,
          engine: connected.engine,
          stateDir: workspace.stateDir,
          runner,
          recreate: Boolean(options.recreateCompose),
        }
      : null;
  const devLoop = devLoopInputs(ctx, workspace, {
    services,
    inputsFor: (values) => inputsFor(values),
    launches,
    compose: composeRun,
    replanned: (next, planned) => {
      relayMask = maskerForSecrets(
        [
          ...secrets(launches),
          ...runSecrets(
            next,
            planned.map((launch) => launch.env),
          ),
        ],
        'relay',
      );
    },
  });
  return supervise(
    ctx,
    workspace,
    { launches, compose, database, databaseUsers, selection, devLoop, background: Boolean(options.background) },
    session,
    mask,
    deps.signals,
    early,
  );
}
