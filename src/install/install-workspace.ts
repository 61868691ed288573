/** The install stage: checks every python and node service, then installs the due ones in parallel. */
import { type RunContext, useColor } from '../context.js';
import { FailedError, UsageError } from '../errors.js';
import type { InstallObserver } from '../os/install-observer.js';
import { type CommandRunner, systemRunner } from '../os/system-runner.js';
import { platformFor } from '../platform/platform.js';
import { colors } from '../text/colors.js';
import type { ServiceSpec, Workspace } from '../workspace/types.js';
import { failureLines, failureSummary, installReportLines } from './failure-report.js';
import { prepareNodeService } from './install-node.js';
import { preparePythonService } from './install-python.js';
import type { InstallEnvironment, PreparedInstall } from './service-install.js';
import { type DueInstall, runInstallTasks, type ServiceOutcome } from './task-list.js';

/** Options of installWorkspace. */
export interface InstallOptions {
  /** Install even when a service's stamp says it is up to date. */
  reinstall: boolean;
  /** Only these services (by name); every python and node service when absent. */
  services?: readonly string[];
  /** The command runner; the platform's real one by default. */
  runner?: CommandRunner;
  /** Shows the install (the terminal UI) instead of the task list and the printed report. */
  observer?: InstallObserver;
}

/** What installWorkspace did, per service, in workspace order. */
export interface InstallResult {
  services: ServiceOutcome[];
}

/** Installs what changed, in parallel; prints a labelled report and throws FailedError (exit 1) when any service failed. */
export async function installWorkspace(ctx: RunContext, workspace: Workspace, options: InstallOptions): Promise<InstallResult> {
  const platform = platformFor(ctx.platform);
  const environment: InstallEnvironment = {
    root: workspace.root,
    stateDir: workspace.sharedStateDir,
    env: ctx.env,
    platform,
    runner: options.runner ?? systemRunner(platform),
    python: workspace.python,
    reinstall: options.reinstall,
  };
  const services = selectServices(workspace, options.services).filter((service) => service.type !== 'command');
  if (services.length === 0) {
    if (!options.observer) ctx.stdout.write('Nothing to install: no python or node services.\n');
    return { services: [] };
  }
  const checked = await Promise.all(services.map((service) => prepareService(service, environment)));
  const upToDate = checked.filter((item) => item.prepared && item.prepared.reason === undefined);
  const tick = colors(useColor(ctx.stdout, ctx.env)).green('✔');
  for (const item of upToDate) options.observer ? options.observer.upToDate(item.name) : ctx.stdout.write(`${tick} ${item.name}: up to date\n`);
  const due = checked.filter((item) => !upToDate.includes(item));
  const installed =
    due.length > 0
      ? await runInstallTasks(
          due,
          ctx,
          options.observer ? { observer: options.observer, failureLines: (outcome) => failureLines(outcome, ctx.debug) } : undefined,
        )
      : [];
  const outcomes = checked.map(
    (item) => installed.find((outcome) => outcome.name === item.name) ?? { name: item.name, status: 'up-to-date' as const, durationMs: 0, warnings: [] },
  );
  const report = installReportLines(outcomes, ctx.debug);
  if (options.observer) options.observer.report(report);
  else if (report.length > 0) ctx.stderr.write(`${report.join('\n')}\n`);
  if (outcomes.some((outcome) => outcome.status === 'failed')) throw new FailedError(failureSummary(outcomes));
  return { services: outcomes };
}

/** A service prepared: its install (with why it is due), or the error that stopped the preparing. */
async function prepareService(service: ServiceSpec, environment: InstallEnvironment): Promise<DueInstall> {
  try {
    const prepared: PreparedInstall | undefined =
      service.type === 'python'
        ? await preparePythonService(service, environment)
        : service.type === 'node'
          ? await prepareNodeService(service, environment)
          : undefined;
    return { name: service.name, ...(prepared ? { prepared } : {}) };
  } catch (error) {
    return { name: service.name, error };
  }
}

/** The named services (all when names is absent); an unknown name is a usage error. */
function selectServices(workspace: Workspace, names: readonly string[] | undefined): ServiceSpec[] {
  if (names === undefined) return workspace.services;
  const unknown = names.filter((name) => !workspace.services.some((service) => service.name === name));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown service ${unknown.join(', ')}.`,
      `Services in this workspace: ${workspace.services.map((service) => service.name).join(', ') || 'none'}.`,
    );
  }
  return workspace.services.filter((service) => names.includes(service.name));
}
