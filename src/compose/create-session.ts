/** Builds the ComposeSession of a run from its plan, with the real engine, clock and log follower by default. */

import { sleep } from '../os/delay.js';
import { type Host, realHost } from '../os/host.js';
import type { ServiceOutputSink } from '../os/output-sink.js';
import type { CommandRunner } from '../os/system-runner.js';
import type { ComposePlan } from '../plan/compose.js';
import { ComposeClient } from './client.js';
import type { EngineStatus } from './engine.js';
import { composeEnvironment } from './environment.js';
import { hostLogFollower, type LogFollower } from './log-follower.js';
import type { ComposeProvider } from './provider.js';
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
  stateDir: string;
  healthTimeoutMs: number;
  shutdownTimeoutMs: number;
  keep: boolean;
  mask: (text: string) => string;
  host?: Host;
  clock?: WaitClock;
  follow?: LogFollower;
}

/** The real clock: Date.now and a cancellable sleep. */
export const realClock: WaitClock = { now: () => Date.now(), sleep };

/** A ComposeSession for the plan (see ComposeSession.start and stop). */
export function createComposeSession(inputs: ComposeSessionInputs): ComposeSession {
  const env = composeEnvironment(inputs.provider, inputs.processEnv, inputs.dotEnv, inputs.plan.variables, inputs.engine.endpoint.env);
  const client = new ComposeClient(inputs.provider, inputs.plan.project, inputs.runner, env, inputs.mask);
  const host = inputs.host ?? realHost();
  return new ComposeSession({
    client,
    plan: inputs.plan,
    sink: inputs.sink,
    stateDir: inputs.stateDir,
    healthTimeoutMs: inputs.healthTimeoutMs,
    shutdownTimeoutMs: inputs.shutdownTimeoutMs,
    keep: inputs.keep,
    host,
    clock: inputs.clock ?? realClock,
    follow: inputs.follow ?? hostLogFollower(host),
  });
}
