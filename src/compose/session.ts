/** One run's compose services: start them, stream their logs, wait until healthy, and stop what this run started. */
import { waitAtMost } from '../os/delay.js';
import type { Host } from '../os/host.js';
import type { ServiceOutputSink } from '../os/output-sink.js';
import { processIdentity } from '../os/process-table.js';
import type { ComposePlan } from '../plan/compose.js';
import { formatSeconds } from '../text/seconds.js';
import type { ReadyService } from '../workspace/types.js';
import type { ComposeClient } from './client.js';
import { deliverMounts, removeMountVolumes } from './deliver-mounts.js';
import { composeSubcommands, engineSubcommands } from './invocation.js';
import type { FollowedLog, LogFollower } from './log-follower.js';
import { refuseLiveComposeOwner, servicesToOwn } from './ownership.js';
import type { MountDelivery, UndeliverableMount } from './remote-mounts.js';
import { type ComposeOwner, type ComposeState, type RecordedEngine, readComposeState, removeComposeState, writeComposeState } from './state.js';
import { type WaitClock, waitHealthy } from './wait-healthy.js';

/** Everything a ComposeSession uses. */
export interface ComposeSessionOptions {
  client: ComposeClient;
  plan: ComposePlan;
  sink: ServiceOutputSink;
  /** The workspace's .tovrun folder (compose.json lives there). */
  stateDir: string;
  healthTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** --keep: leave the containers running at exit. */
  keep: boolean;
  host: Host;
  clock: WaitClock;
  follow: LogFollower;
  /** Between two health polls; 500 ms by default. */
  pollMs?: number;
  /** The engine, when it is not the default one: recorded for `tovrun down`. */
  engine?: RecordedEngine;
  /** For a remote engine: the workspace folders to deliver as volumes, and binds it cannot resolve; null for a local one. */
  remote?: RemoteMounts | null;
}

/** What a remote engine needs besides compose: the mount volumes to fill and the binds to warn about. */
export interface RemoteMounts {
  deliveries: MountDelivery[];
  undeliverable: UndeliverableMount[];
}

/** Drives the compose services of one run (see start and stop). */
export class ComposeSession {
  private owned: string[] = [];
  private runningBefore = new Set<string>();
  private readonly followers = new Map<string, FollowedLog>();
  private started = false;
  private stopping = false;

  constructor(private readonly options: ComposeSessionOptions) {}

  private get names(): string[] {
    return this.options.plan.services.map((service) => service.name);
  }

  /**
   * Records the services, runs `up -d`, follows each container's log into the sink, and waits until every service
   * is healthy (or running, without a healthcheck). Resolves with them for the ready summary, or null when aborted.
   */
  async start(signal: AbortSignal): Promise<ReadyService[] | null> {
    const { client, clock, sink } = this.options;
    const previous = readComposeState(this.options.stateDir);
    await refuseLiveComposeOwner(this.options.host, previous);
    this.runningBefore = await this.runningServices();
    this.owned = servicesToOwn(this.names, this.runningBefore, previous);
    await this.record(previous);
    for (const name of this.names) sink.notice(name, this.startNotice(name));
    const startedAt = clock.now();
    const sinceSeconds = startedAt / 1000 - 1;
    this.started = true;
    const remote = this.options.remote;
    for (const service of remote ? this.options.plan.services.filter((candidate) => candidate.hostGateway) : [])
      sink.notice(service.name, "warning: host.docker.internal is the remote engine's host, not this machine: it cannot reach the services tovrun runs here");
    for (const mount of remote?.undeliverable ?? []) sink.notice(mount.service, `warning: the bind mount ${mount.source} -> ${mount.target} ${mount.why}`);
    if (remote && remote.deliveries.length > 0) {
      for (const delivery of remote.deliveries)
        sink.notice(delivery.service, `delivering ${delivery.source} to the remote engine as volume ${delivery.volume} (at ${delivery.target})`);
      await deliverMounts(client, remote.deliveries, this.options.stateDir);
    }
    await client.compose(`starting the compose services ${this.names.join(', ')}`, composeSubcommands.up(this.names));
    if (signal.aborted) return null;
    await Promise.all(this.names.map(async (name) => this.followContainers(name, await client.containerIds(name), sinceSeconds)));
    const ready = new Map<string, ReadyService>();
    const finished = await waitHealthy(client, this.names, {
      timeoutMs: this.options.healthTimeoutMs,
      pollMs: this.options.pollMs ?? 500,
      clock,
      signal,
      onReady: (name, how, ids) => {
        this.followContainers(name, ids, sinceSeconds);
        const readyMs = clock.now() - startedAt;
        sink.notice(name, how === 'healthy' ? `healthy after ${formatSeconds(readyMs)}` : `running after ${formatSeconds(readyMs)} (it has no healthcheck)`);
        const url = this.options.plan.services.find((service) => service.name === name)?.url ?? null;
        ready.set(name, { name, url, readyMs, probe: { kind: 'none' } });
      },
    });
    return finished ? this.names.flatMap((name) => ready.get(name) ?? []) : null;
  }

  /** Stops following logs; stops the services this run started (not with --keep; volumes always stay); records the outcome. */
  async stop(): Promise<void> {
    const { sink } = this.options;
    this.stopping = true;
    if (!this.started) return;
    for (const name of this.names.filter((service) => !this.owned.includes(service)))
      sink.notice(name, 'left running: it was running before this tovrun started it');
    if (this.options.keep) {
      for (const name of this.owned) sink.notice(name, 'left running (--keep); `tovrun down` removes it');
    } else if (this.owned.length > 0) {
      for (const name of this.owned) sink.notice(name, 'stopping');
      try {
        await this.options.client.compose(
          `stopping ${this.owned.join(', ')}`,
          composeSubcommands.stop(this.owned, this.options.shutdownTimeoutMs / 1000),
          120_000,
        );
        if (this.options.remote) await this.removeFromRemote();
        else for (const name of this.owned) sink.notice(name, 'stopped (`tovrun down` removes its container; volumes are kept)');
      } catch (error) {
        for (const name of this.owned) sink.notice(name, `could not be stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    const state = readComposeState(this.options.stateDir);
    if (state) writeComposeState(this.options.stateDir, { ...state, owner: null });
    // The followers print the containers' last lines as they stop; then they end (or are ended) too.
    for (const follower of this.followers.values()) follower.stop();
    await waitAtMost(Promise.all([...this.followers.values()].map((follower) => follower.ended)), 2_000, (ms, signal) => this.options.clock.sleep(ms, signal));
  }

  /** On a remote engine nothing of this run stays: its containers, unused networks and mount volumes go, and the record with them. */
  private async removeFromRemote(): Promise<void> {
    const { client, sink, stateDir } = this.options;
    await client.compose(`removing ${this.owned.join(', ')}`, composeSubcommands.rm(this.owned), 120_000);
    await client.removeUnusedNetworks();
    await removeMountVolumes(client);
    for (const name of this.owned) sink.notice(name, 'stopped and removed from the remote engine (its named data volumes are kept)');
    const state = readComposeState(stateDir);
    const left = (state?.services ?? []).filter((name) => !this.owned.includes(name));
    if (state && left.length > 0) writeComposeState(stateDir, { ...state, services: left });
    else removeComposeState(stateDir);
  }

  private startNotice(name: string): string {
    if (!this.runningBefore.has(name)) return `starting (${this.options.client.provider.name} up -d)`;
    return this.owned.includes(name) ? 'still running from an earlier tovrun; using it' : 'already running; using it (it stays running at exit)';
  }

  private async runningServices(): Promise<Set<string>> {
    const { client } = this.options;
    const running = await Promise.all(
      this.names.map(async (name) => ((await client.states(await client.containerIds(name))) ?? []).some((state) => state.status === 'running')),
    );
    return new Set(this.names.filter((_name, index) => running[index]));
  }

  /** Writes compose.json before anything starts, so a tovrun killed mid-way still leaves a record for `tovrun down`. */
  private async record(previous: ComposeState | null): Promise<void> {
    const { host, plan, keep } = this.options;
    const identity = await processIdentity(host, host.pid);
    const owner: ComposeOwner = { pid: host.pid, startTime: identity?.startTime ?? null, commandLine: identity?.commandLine ?? null, keep };
    const sameProject = previous?.project.name === plan.project.name && previous.project.file === plan.project.file;
    const services = [...new Set([...(sameProject ? previous.services : []), ...this.owned])];
    const profiles = [...new Set([...(sameProject ? previous.project.profiles : []), ...plan.project.profiles])];
    const engine = this.options.engine === undefined ? {} : { engine: this.options.engine };
    writeComposeState(this.options.stateDir, { version: 1, project: { ...plan.project, profiles }, services, owner, ...engine });
  }

  private followContainers(name: string, ids: readonly string[], sinceSeconds: number): void {
    const { client, sink, follow } = this.options;
    for (const id of ids) {
      if (this.followers.has(id) || this.stopping) continue;
      const followed = follow(client.provider.engine, engineSubcommands.followLogs(id, sinceSeconds), client.env, (stream, line) =>
        sink.line(name, stream, line),
      );
      this.followers.set(id, followed);
      void followed.ended.then(() => {
        if (!this.stopping) sink.notice(name, 'its container stopped (its log ended)');
      });
    }
  }
}
