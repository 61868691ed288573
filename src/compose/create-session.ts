/** Builds the ComposeSession of a run from its plan, with the real engine, clock and log follower by default. */
import { existsSync } from 'node:fs';
import { sleep } from '../os/delay.js';
import { type Host, realHost } from '../os/host.js';
import type { ServiceOutputSink } from '../os/output-sink.js';
import type { CommandRunner } from '../os/system-runner.js';
import type { ComposePlan, ComposeProject } from '../plan/compose.js';
import { ComposeClient } from './client.js';
import { localMountSources, mountOverridePath } from './deliver-mounts.js';
import type { EngineStatus } from './engine.js';
import { composeEnvironment } from './environment.js';
import { hostLogFollower, type LogFollower } from './log-follower.js';
import type { ComposeProvider } from './provider.js';
import { planRemoteMounts } from './remote-mounts.js';
import { ComposeSession } from './session.js';
import type { WaitClock } from './wait-healthy.js';

/** What a run's compose session is made of. */
export interface ComposeSessionInputs {
  provider: ComposeProvider;
  /** The engine the provider talks to (local or remote), as it answered. */
  engine: EngineStatus;
  plan: ComposePlan;
  runner: CommandRunner;
  processEnv: NodeJS.ProcessEnv;
  /** The .env values as compose reads them. */
  dotEnv: Readonly<Record<string, string>>;
  sink: ServiceOutputSink;
  /** The workspace's root: the folders under it that services bind-mount are delivered to a remote engine. */
  workspaceRoot: string;
  stateDir: string;
  healthTimeoutMs: number;
  shutdownTimeoutMs: number;
  keep: boolean;
  mask: (text: string) => string;
  host?: Host;
  clock?: WaitClock;
  follow?: LogFollower;
}

const definedOnly = (env: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'DOCKER_HOST'));

/** DOCKER_HOST's TLS settings from tovrun's environment, recorded with it. */
const tlsOf = (env: NodeJS.ProcessEnv): Record<string, string> =>
  definedOnly({ DOCKER_CERT_PATH: env.DOCKER_CERT_PATH, DOCKER_TLS_VERIFY: env.DOCKER_TLS_VERIFY || undefined });

/** The real clock: Date.now and a cancellable sleep. */
export const realClock: WaitClock = { now: () => Date.now(), sleep };

/**
 * The project that compose commands of a running session use from outside it (the dev loop's recreate): on a remote
 * engine, with the mount override the session wrote at start, so the delivered volumes stay in place of the binds.
 */
export function runningProject(project: ComposeProject, engine: EngineStatus, stateDir: string): ComposeProject {
  const override = mountOverridePath(stateDir);
  return engine.endpoint.remote && existsSync(override) ? { ...project, overrideFiles: [override] } : project;
}

/** A ComposeSession for the plan (see ComposeSession.start and stop). */
export function createComposeSession(inputs: ComposeSessionInputs): ComposeSession {
  const { endpoint } = inputs.engine;
  const env = composeEnvironment(inputs.provider, inputs.processEnv, inputs.dotEnv, inputs.plan.variables, endpoint.env);
  const remote = endpoint.remote ? planRemoteMounts(inputs.plan.services, inputs.workspaceRoot, inputs.plan.project.name, localMountSources) : null;
  // The override goes after the user's file, so compose merges each volume in place of the bind with the same target.
  const project =
    remote && remote.deliveries.length > 0 ? { ...inputs.plan.project, overrideFiles: [mountOverridePath(inputs.stateDir)] } : inputs.plan.project;
  const client = new ComposeClient(inputs.provider, project, inputs.runner, env, inputs.mask);
  const host = inputs.host ?? realHost();
  return new ComposeSession({
    client,
    plan: inputs.plan,
    sink: inputs.sink,
    stateDir: inputs.stateDir,
    healthTimeoutMs: inputs.healthTimeoutMs,
    shutdownTimeoutMs: inputs.shutdownTimeoutMs,
    keep: inputs.keep,
    remote,
    ...(endpoint.source === 'default' ? {} : { engine: { url: endpoint.url, env: { ...tlsOf(inputs.processEnv), ...definedOnly(endpoint.env) } } }),
    host,
    clock: inputs.clock ?? realClock,
    follow: inputs.follow ?? hostLogFollower(host),
  });
}
