/** What `tovrun up` hands its dev loop: the start-up .env check, planning again from the .env, the install, compose's part. */
import { existsSync } from 'node:fs';
import { envCheck } from '../check/env-check.js';
import { formatHumanReport, humanReportStyle } from '../check/print-human.js';
import type { ComposeProvider, EngineStatus } from '../compose/index.js';
import type { RunContext } from '../context.js';
import type { DevLoopOptions } from '../devloop/dev-loop.js';
import type { ComposeFollow } from '../devloop/env-follow.js';
import { type EnvValues, loadEnvValues } from '../env/load.js';
import { maskerForSecrets } from '../env/mask.js';
import { mebibyte, readText } from '../files/read-text.js';
import { installWorkspace } from '../install/install-workspace.js';
import type { CommandRunner } from '../os/system-runner.js';
import type { ComposePlan } from '../plan/compose.js';
import { type LaunchInputs, planLaunch } from '../plan/launch.js';
import type { LaunchSpec } from '../plan/launch-spec.js';
import { maskFindings } from '../report/findings.js';
import type { ServiceSpec, Workspace } from '../workspace/types.js';

/** The env check's findings that are not ok (secrets masked) as the printed report, and whether one is an error; null when all are ok or there is no template. */
export function envReport(ctx: RunContext, workspace: Workspace): { text: string; failed: boolean } | null {
  // A workspace without .env.template (a generic tovrun.yaml stack) has no schema to check its .env against.
  if (!existsSync(workspace.envTemplateFile)) return null;
  const result = envCheck(workspace);
  const findings = maskFindings(result.findings, maskerForSecrets(result.secrets)).filter((item) => item.status !== 'ok');
  if (findings.length === 0) return null;
  return { text: formatHumanReport(findings, humanReportStyle(ctx)), failed: findings.some((item) => item.status === 'error') };
}

/** The compose part of a run, when it has one: what following the .env needs to name or recreate its services. */
export interface ComposeRun {
  module: typeof import('../compose/index.js');
  plan: ComposePlan;
  provider: ComposeProvider;
  /** The engine the run's containers live on (a remote one needs its endpoint and the delivered mounts). */
  engine: EngineStatus;
  stateDir: string;
  runner: CommandRunner;
  recreate: boolean;
}

/** How compose services follow the .env: read its variables again, and `compose up -d --force-recreate` for the touched ones. */
function composeFollow(ctx: RunContext, workspace: Workspace, compose: ComposeRun): ComposeFollow {
  const { module, plan, provider, runner, engine } = compose;
  const project = () => module.runningProject(plan.project, engine, compose.stateDir);
  return {
    file: workspace.composeFile,
    text: () => readText(workspace.composeFile, { label: workspace.composeFile, maxBytes: 8 * mebibyte }) ?? '',
    services: plan.services.map((service) => service.name),
    envFile: workspace.envFile,
    variables: () => module.composeVariables(workspace, ctx.env),
    recreateCommand: (names) => module.composeInvocation(provider, project(), ['up', '-d', '--force-recreate', '--no-deps', ...names]),
    run: (invocation, dotEnv) =>
      runner(invocation.command, invocation.args, {
        env: module.composeEnvironment(provider, ctx.env, dotEnv, plan.variables, engine.endpoint.env),
        cwd: workspace.root,
      }),
    recreate: compose.recreate,
  };
}

/** What the run's dev loop follows with (the supervisor and output come when it starts). */
export function devLoopInputs(
  ctx: RunContext,
  workspace: Workspace,
  run: {
    services: readonly ServiceSpec[];
    /** The launch inputs for the .env's values (an instance's moved values are derived from them again). */
    inputsFor(values: EnvValues['values']): LaunchInputs;
    launches: readonly LaunchSpec[];
    compose: ComposeRun | null;
    /** Called with the .env read again and the launches planned from it, before any restart: the relay masks their secrets. */
    replanned(env: EnvValues, launches: readonly LaunchSpec[]): void;
  },
): Omit<DevLoopOptions, 'supervisor' | 'output'> {
  return {
    workspace,
    services: run.services,
    launches: run.launches,
    checkEnv: () => {
      const report = envReport(ctx, workspace);
      return report?.failed ? report.text : null;
    },
    plan: () => {
      const env = loadEnvValues(workspace, ctx.env);
      const inputs = run.inputsFor(env.values);
      const launches = run.services.map((service) => planLaunch(service, inputs));
      run.replanned(env, launches);
      return launches;
    },
    install: (names, observer) => installWorkspace(ctx, workspace, { reinstall: false, services: names, observer }),
    compose: run.compose ? composeFollow(ctx, workspace, run.compose) : null,
  };
}
