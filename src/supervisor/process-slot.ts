/** A runner's one process at a time: launching it with its output relayed, stopping its tree once, clearing up after its exit. */

import type { Host } from '../os/host.js';
import { type ProcessTree, terminateTree } from '../os/kill-tree.js';
import type { LaunchedProcess, ProcessLauncher } from '../os/launcher.js';
import type { ServiceOutputSink } from '../os/output-sink.js';
import type { LaunchSpec } from '../plan/launch-spec.js';
import { CurrentProcess } from './current-process.js';
import type { SupervisorEvent } from './events.js';
import type { LineFanout } from './line-fanout.js';

/** What a process slot needs from the supervisor (a part of RunnerDeps). */
export interface ProcessSlotDeps {
  host: Host;
  sink: ServiceOutputSink;
  launcher: ProcessLauncher;
  graceMs: number;
  /** Aborted by a forced stop: skip the grace period. */
  force: AbortSignal;
  emit(event: SupervisorEvent): void;
  /** Called whenever what should be in the state file changed. */
  changed(): void;
}

/** How long output may keep flowing after the process exited (a descendant outside the group may hold the pipe). */
export const outputDrainMs = 1_000;

/** Holds the process a service runs now (none between an exit and the next launch); knows nothing of the service's state. */
export class ProcessSlot {
  private held: CurrentProcess | null = null;
  /** The stop of the current tree asked by tovrun, once asked (a stop or a replace). */
  private terminating: Promise<unknown> | null = null;
  /** The environment of the next launches when it changed since the spec (.env edited while running). */
  private environment: NodeJS.ProcessEnv | null = null;

  /** A slot for spec, relaying output through the runner's fan-out. */
  constructor(
    private readonly spec: LaunchSpec,
    private readonly deps: ProcessSlotDeps,
    private readonly output: LineFanout,
  ) {}

  /** The process that runs now (from its launch until its exit was cleared up), or null. */
  get current(): CurrentProcess | null {
    return this.held;
  }

  /** Asks the launcher for a process, its output relayed into the fan-out; rejects as the launcher does. */
  launch(): Promise<LaunchedProcess> {
    const spec = this.environment === null ? this.spec : { ...this.spec, env: this.environment };
    return this.deps.launcher.launch(spec, {
      lines: (stream, block) => this.output.lines(stream, block),
      whenWritable: () => this.deps.sink.whenWritable(),
    });
  }

  /** The environment the next launches get (the spec's until this is called). */
  useEnvironment(env: NodeJS.ProcessEnv): void {
    this.environment = env;
  }

  /** Makes launched the current process; the state file is told again once its identity is known. */
  hold(launched: LaunchedProcess): CurrentProcess {
    const current = new CurrentProcess(launched, this.deps.host, () => this.held === current && this.deps.changed());
    this.held = current;
    return current;
  }

  /** Stops the current process's whole tree (graceful, forced after the grace period); once per process, nothing without one. */
  stop(): void {
    if (this.held) this.terminating ??= this.terminate(this.held.tree);
  }

  /**
   * After launched exited: ends what is left of its tree (or waits for the stop already asked), lets its output drain,
   * then empties the slot and tells the state file.
   */
  async clear(launched: LaunchedProcess): Promise<void> {
    const tree = this.held?.tree;
    if (this.terminating) await this.terminating;
    else if (tree) await terminateTree(this.deps.host, tree, { graceMs: this.deps.graceMs, force: this.deps.force });
    await launched.drain(outputDrainMs);
    this.held = null;
    this.terminating = null;
    this.deps.changed();
  }

  private async terminate(tree: ProcessTree): Promise<void> {
    const result = await terminateTree(this.deps.host, tree, { graceMs: this.deps.graceMs, force: this.deps.force });
    if (result === 'forced' && !this.deps.force.aborted) this.deps.emit({ type: 'forced', service: this.spec.name, graceMs: this.deps.graceMs });
  }
}
