/** The supervisor: starts services, waits for readiness, records them in the state file, restarts and stops them. */
import { type Host, realHost } from '../os/host.js';
import type { LaunchedProcess, ProcessLauncher } from '../os/launcher.js';
import type { LineMask, ServiceOutputSink } from '../os/output-sink.js';
import { type ProcessIdentity, processIdentity } from '../os/process-table.js';
import type { LaunchSpec } from '../plan/launch-spec.js';
import { plainText } from '../text/ansi.js';
import { serviceUrl } from '../workspace/describe-probe.js';
import type { ReadyService } from '../workspace/types.js';
import type { DependencyWait } from './dependencies.js';
import { DependencyGates } from './dependency-gates.js';
import { DescendantRecord } from './descendant-record.js';
import { directLauncher } from './direct-launcher.js';
import { describeEvent, eventDetails, type SupervisorEvent } from './events.js';
import { type PortClaim, type PortProbe, preflightPorts } from './preflight.js';
import { type ReadinessResult, waitForReadiness } from './probes/readiness.js';
import { ReadinessError, StartError } from './readiness-error.js';
import { notReadyReason, probeProcess } from './service-readiness.js';
import { ServiceRequests } from './service-requests.js';
import { type ReplaceOptions, ServiceRunner } from './service-runner.js';
import type { RestartReport, ServiceStatus } from './service-status.js';
import { type RecordedService, removeState, writeState } from './state-file.js';
import type { RunOutcome, ServiceResult, StopReason } from './types.js';

/** Options of a Supervisor. */
export interface SupervisorOptions {
  /** The workspace's .tovrun folder (state.json lives there). */
  stateDir: string;
  /** Between the graceful signal and the forced kill. */
  shutdownTimeoutMs: number;
  sink: ServiceOutputSink;
  host?: Host;
  /** How processes are started: directly with pipes (the default), or in panes (see src/panes/pane-output.ts). */
  launcher?: ProcessLauncher;
  /** Applied to output lines quoted in readiness errors (the sink masks what it prints itself). */
  mask?: LineMask;
  /** Every event, besides the notice line the sink gets for it. */
  onEvent?: (event: SupervisorEvent) => void;
  /** Port checks for preflightPorts (real ones by default). */
  portProbe?: PortProbe;
}

/** Runs a set of services: start → waitReady → (crashes, restarts) → stop; `finished` resolves when all have stopped. */
export class Supervisor {
  /** Resolves when every started service has stopped for good. */
  readonly finished: Promise<RunOutcome>;
  private resolveFinished!: (outcome: RunOutcome) => void;
  private readonly host: Host;
  private readonly launcher: ProcessLauncher;
  private readonly runners: ServiceRunner[] = [];
  private readonly readiness: Promise<ReadyService | null>[] = [];
  private readonly gates = new DependencyGates({ emit: (event) => this.emit(event), stopping: () => this.stopReason !== null });
  private readonly firstWaitSettled = new Set<ServiceRunner>();
  private readonly probes = new WeakMap<LaunchedProcess, Promise<ReadinessResult>>();
  private results: ServiceResult[] = [];
  private readonly stopping = new AbortController();
  private readonly forcing = new AbortController();
  private owner: ProcessIdentity = { startTime: null, commandLine: null };
  private stopReason: StopReason | null = null;
  private done = false;
  private readonly descendants: DescendantRecord;
  private readonly requests = new ServiceRequests({
    runners: this.runners,
    stopping: () => this.stopReason !== null || this.done,
    settled: (runner) => this.firstWaitSettled.has(runner),
    probeOf: (launched) => this.probes.get(launched),
    revived: (runner) => {
      this.results = this.results.filter((result) => result.name !== runner.spec.name);
      this.watchDone(runner);
    },
    status: () => this.status(),
  });

  constructor(private readonly options: SupervisorOptions) {
    this.host = options.host ?? realHost();
    this.launcher = options.launcher ?? directLauncher(this.host);
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
    // Windows only: the services' descendants go into the state file, for `tovrun down` after a crash.
    this.descendants = new DescendantRecord(
      this.host,
      () => this.records().flatMap(({ pid, startTime }) => (startTime === null ? [] : [{ pid, startTime }])),
      () => this.saveState(),
    );
  }

  /** Throws a FailedError naming each busy port and its holder; call before start. */
  preflightPorts(claims: readonly PortClaim[]): Promise<void> {
    return preflightPorts(claims, this.host, this.options.portProbe);
  }

  /** Launches the services (each in its own process group, each once its dependsOn are met) and starts their probes; records them in the state file. */
  start(specs: readonly LaunchSpec[]): void {
    if (this.stopReason !== null || this.done) throw new Error('Supervisor.start called after the run stopped.');
    const names = [...this.runners.map((runner) => runner.spec.name), ...specs.map((spec) => spec.name)];
    const unknown = specs.flatMap((spec) =>
      Object.keys(spec.dependsOn ?? {})
        .filter((name) => !names.includes(name))
        .map((name) => `${spec.name} → ${name}`),
    );
    if (unknown.length > 0) throw new Error(`Supervisor.start: dependencies on services it does not run: ${unknown.join(', ')}.`);
    this.descendants.start();
    if (this.runners.length === 0) {
      void processIdentity(this.host, this.host.pid).then((identity) => {
        if (identity) this.owner = identity;
        this.saveState();
      });
    }
    const added = specs.map((spec) => {
      const runner: ServiceRunner = new ServiceRunner(spec, {
        host: this.host,
        sink: this.options.sink,
        launcher: this.launcher,
        graceMs: this.options.shutdownTimeoutMs,
        force: this.forcing.signal,
        emit: (event) => this.emit(event),
        changed: () => this.saveState(),
        spawned: (launched, first) => this.spawned(runner, launched, first),
      });
      this.runners.push(runner);
      this.gates.add(spec.name);
      return runner;
    });
    for (const runner of added) {
      const ready = this.watchReadiness(runner, this.gates.open(runner));
      ready.catch(() => undefined);
      void ready.finally(() => this.firstWaitSettled.add(runner)).catch(() => undefined);
      this.readiness.push(ready);
      this.watchDone(runner);
      this.gates.watch(runner, ready);
    }
    if (specs.length === 0) this.checkFinished();
  }

  /** Resolves when every service passed its probe (null when the run was stopped first); rejects with a ReadinessError. */
  async waitReady(): Promise<ReadyService[] | null> {
    const results = await Promise.all(this.readiness);
    return results.every((result) => result !== null) ? (results as ReadyService[]) : null;
  }

  /** Each service's state, pid, port, uptime, restarts and readiness, in start order. */
  status(): ServiceStatus[] {
    return this.runners.map((runner) => ({
      name: runner.spec.name,
      kind: 'native' as const,
      port: runner.spec.port,
      url: serviceUrl(runner.spec.probe, runner.spec.port),
      ...runner.snapshot(),
    }));
  }

  /**
   * Replaces one service's process (the others untouched) and waits for the new one's probe; a UsageError for an
   * unknown name. options.env is the new process's environment from now on (a .env edit), options.reason the why.
   */
  restart(name: string, options: ReplaceOptions = {}): Promise<RestartReport> {
    return this.requests.restart(name, options);
  }

  /**
   * Stops one service alone (its dependents keep running) and keeps it as 'stopped' until startService or restart;
   * resolves once its process has gone. A UsageError when it is unknown, not running, or still in its first start.
   */
  stopService(name: string): Promise<ServiceStatus> {
    return this.requests.stopService(name);
  }

  /** Starts again a service that was stopped (or has stopped on its own) and waits for its probe; a UsageError when it runs. */
  startService(name: string): Promise<RestartReport> {
    return this.requests.startService(name);
  }

  /** Stops every service at once, in parallel (depends_on does not order the stop), gracefully then forced after the shutdown timeout; a second call forces at once. */
  stop(reason: StopReason = 'requested'): Promise<RunOutcome> {
    if (this.stopReason !== null) return this.forceStop();
    this.stopReason = reason;
    this.stopping.abort();
    for (const runner of this.runners) runner.stop();
    this.checkFinished();
    return this.finished;
  }

  /** Kills every service's process tree now. */
  forceStop(): Promise<RunOutcome> {
    this.forcing.abort();
    if (this.stopReason === null) this.stop('requested');
    return this.finished;
  }

  private spawned(runner: ServiceRunner, launched: LaunchedProcess, first: boolean): void {
    if (first) return this.gates.spawned(runner.spec.name);
    const probe = probeProcess(runner, launched, {
      signal: this.stopping.signal,
      now: () => this.host.now(),
      emit: (event) => this.emit(event),
      announce: () => this.firstWaitSettled.has(runner),
    });
    this.probes.set(launched, probe);
  }

  private watchDone(runner: ServiceRunner): void {
    void runner.done.then((result) => this.serviceDone(result));
  }

  private async watchReadiness(runner: ServiceRunner, gate: Promise<DependencyWait>): Promise<ReadyService | null> {
    const { spec } = runner;
    if ((await gate).kind !== 'met') return null;
    await runner.firstLaunch;
    const startFailure = runner.startFailure;
    if (startFailure !== null) {
      if (this.stopReason !== null) return null;
      throw new StartError(spec.name, startFailure, this.gates.blockedBy(spec.name, this.runners));
    }
    const result: ReadinessResult = await waitForReadiness({
      probe: spec.probe,
      fallback: spec.probeFallback,
      subscribeLines: (listener) => runner.subscribeLines(listener),
      stopped: runner.done.then((done) => done.exit ?? { code: null, signal: null }),
      signal: this.stopping.signal,
      now: () => this.host.now(),
      onFallback: (from, to) => this.emit({ type: 'probe-fallback', service: spec.name, from, to }),
    });
    if (result.kind === 'aborted') return null;
    if (result.kind === 'ready') {
      runner.markReady(runner.process, result.readyMs);
      const url = serviceUrl(spec.probe, spec.port);
      this.emit({ type: 'ready', service: spec.name, readyMs: result.readyMs, url });
      return { name: spec.name, url, readyMs: result.readyMs, probe: result.probe };
    }
    if (this.stopReason !== null) return null;
    // A probe that timed out (or is invalid) is said in the service's output too, so its log and `tovrun logs --errors`
    // show why; an exit before ready is said already by its exit notice.
    if (result.kind === 'timeout' || result.kind === 'invalid') this.emit({ type: 'not-ready', service: spec.name, reason: notReadyReason(result) });
    const mask = this.options.mask ?? ((line: string) => line);
    const blocked = this.gates.blockedBy(spec.name, this.runners);
    throw new ReadinessError(
      spec.name,
      notReadyReason(result),
      runner.recent.list().map((line) => mask(plainText(line))),
      result.kind === 'timeout',
      blocked,
    );
  }

  private emit(event: SupervisorEvent): void {
    this.options.onEvent?.(event);
    this.options.sink.notice(event.service, describeEvent(event));
    for (const line of eventDetails(event)) this.options.sink.notice(event.service, line);
  }

  private serviceDone(result: ServiceResult): void {
    this.results.push(result);
    this.checkFinished();
  }

  private checkFinished(): void {
    if (this.done || this.results.length < this.runners.length) return;
    this.done = true;
    this.descendants.stop();
    removeState(this.options.stateDir);
    const failed = this.results.find((result) => result.failed);
    this.resolveFinished({ exitCode: failed?.code ?? 0, stopReason: this.stopReason, services: [...this.results] });
  }

  private records(): RecordedService[] {
    return this.runners.flatMap((runner) => {
      const record = runner.record();
      return record ? [record] : [];
    });
  }

  private saveState(): void {
    if (this.done) return;
    const services = this.records().map((record) => {
      const descendants = this.descendants.of(record.pid);
      return descendants.length === 0 ? record : { ...record, descendants };
    });
    writeState(this.options.stateDir, { version: 1, owner: { pid: this.host.pid, ...this.owner }, services });
  }
}
