/** Requests about one service of a running Supervisor: restart it, stop it alone, start it again (the control socket's and the terminal UI's). */
import { UsageError } from '../errors.js';
import type { LaunchedProcess } from '../os/launcher.js';
import { quoteText } from '../workspace/service-name.js';
import { describeDependencies } from './dependencies.js';
import type { ReadinessResult } from './probes/readiness.js';
import { notReadyReason } from './service-readiness.js';
import type { ReplaceOptions, ServiceRunner } from './service-runner.js';
import type { RestartReport, ServiceStatus } from './service-status.js';

/** What the requests need from their Supervisor. */
export interface ServiceRequestDeps {
  /** The supervisor's runners, in start order (the live list). */
  runners: readonly ServiceRunner[];
  /** Whether the run is stopping or has stopped. */
  stopping(): boolean;
  /** Whether the run's first readiness wait for runner has settled. */
  settled(runner: ServiceRunner): boolean;
  /** The probe of a process launched after the first, if any. */
  probeOf(launched: LaunchedProcess): Promise<ReadinessResult> | undefined;
  /** Called when a request brings a finished runner back (its result is withdrawn, its end watched again). */
  revived(runner: ServiceRunner): void;
  status(): ServiceStatus[];
}

/** Restart, stop and start of one service, each refused with a UsageError that says why. */
export class ServiceRequests {
  /** Requests on the given supervisor's parts. */
  constructor(private readonly deps: ServiceRequestDeps) {}

  /** Replaces one service's process (the others untouched) and waits for the new one's probe. */
  async restart(name: string, options: ReplaceOptions = {}): Promise<RestartReport> {
    const runner = this.launchedRunner(name, 'restarted');
    return this.relaunch(runner, () => runner.replace(options));
  }

  /** Stops one service alone and keeps it as 'stopped'; resolves with its status once its process has gone. */
  async stopService(name: string): Promise<ServiceStatus> {
    const runner = this.launchedRunner(name, 'stopped');
    if (runner.hasFinished || runner.state === 'stopped') {
      throw new UsageError(
        `${name} is not running (it is ${runner.state === 'failed' ? 'failed' : 'stopped'}).`,
        `Start it again with \`tovrun start ${name}\` (or \`s\` in the terminal UI).`,
      );
    }
    if (!this.deps.settled(runner)) throw new UsageError(`${name} is still starting: tovrun waits for its first readiness.`, 'Try again once it is ready.');
    await runner.pause();
    return this.statusOf(name);
  }

  /** Starts again a service that was stopped (or has stopped on its own) and waits for its probe. */
  async startService(name: string): Promise<RestartReport> {
    const runner = this.launchedRunner(name, 'started');
    if (!runner.hasFinished && runner.state !== 'stopped') {
      throw new UsageError(`${name} is already ${runner.state}.`, `Restart it with \`tovrun restart ${name}\`, or stop it first.`);
    }
    return this.relaunch(runner, () => runner.resume());
  }

  /** The runner of a launched service, for a request to be verbed; a UsageError for an unknown or unlaunched one, or while tovrun stops. */
  private launchedRunner(name: string, verb: string): ServiceRunner {
    const runner = this.deps.runners.find((each) => each.spec.name === name);
    if (!runner) {
      const known = this.deps.runners.map((each) => each.spec.name);
      throw new UsageError(
        `unknown service ${quoteText(name)}.`,
        known.length === 0 ? 'This tovrun runs no services.' : `Known services: ${known.join(', ')}.`,
      );
    }
    if (this.deps.stopping()) throw new UsageError(`tovrun is stopping; ${name} was not ${verb}.`);
    if (!runner.hasStarted) {
      const waits = `it waits for ${describeDependencies(runner.spec.dependsOn ?? {})}`;
      throw new UsageError(
        runner.hasFinished ? `${name} was not started: a service it depends on failed.` : `${name} has not started yet: ${waits}.`,
        'See `tovrun status`.',
      );
    }
    return runner;
  }

  /** Launches the runner's next process with launch (reviving a finished service) and waits for its probe. */
  private async relaunch(runner: ServiceRunner, launch: () => Promise<LaunchedProcess>): Promise<RestartReport> {
    const name = runner.spec.name;
    const previousPid = runner.process?.pid ?? null;
    const revived = runner.hasFinished;
    const replacing = launch();
    if (revived) this.deps.revived(runner);
    const launched = await replacing;
    const result = (await this.deps.probeOf(launched)) ?? { kind: 'aborted' };
    const status = this.statusOf(name);
    if (result.kind === 'ready') return { service: status, previousPid, readyMs: result.readyMs, notReady: null };
    return { service: status, previousPid, readyMs: null, notReady: result.kind === 'aborted' ? 'tovrun is stopping' : notReadyReason(result) };
  }

  private statusOf(name: string): ServiceStatus {
    return this.deps.status().find((each) => each.name === name) as ServiceStatus;
  }
}
