// A fake supervisor and output for the dev loop's unit tests: restarts and what was said, recorded.
import type { DevLoopOutput, DevLoopSupervisor } from '../../src/devloop/output.js';
import type { LaunchSpec } from '../../src/plan/launch-spec.js';
import type { ReplaceOptions, ServiceState } from '../../src/supervisor/index.js';

/** What a fake run recorded. */
export interface FakeRun {
  supervisor: DevLoopSupervisor;
  output: DevLoopOutput;
  restarts: { name: string; options: ReplaceOptions }[];
  notices: string[];
  said: string[];
  states: Map<string, ServiceState>;
}

/** A supervisor whose services are in the given states (running by default) and whose restarts succeed at once. */
export function fakeRun(names: readonly string[]): FakeRun {
  const states = new Map<string, ServiceState>(names.map((name) => [name, 'running']));
  const run: FakeRun = {
    restarts: [],
    notices: [],
    said: [],
    states,
    output: { notice: (service, text) => run.notices.push(`${service}: ${text}`), say: (text) => run.said.push(text) },
    supervisor: {
      status: () => [...states].map(([name, state]) => ({ name, state, port: null, url: null, pid: 1, uptimeMs: 0, restarts: 0, ready: true, lastExit: null })),
      restart: async (name, options = {}) => {
        run.restarts.push({ name, options });
        const service = run.supervisor.status().find((each) => each.name === name);
        if (!service) throw new Error(`unknown service "${name}".`);
        return { service, previousPid: 1, readyMs: 1, notReady: null };
      },
    },
  };
  return run;
}

/** A LaunchSpec with the given environment. */
export function launchWith(name: string, env: NodeJS.ProcessEnv): LaunchSpec {
  return {
    name,
    file: 'node',
    args: [],
    cwd: '/',
    env,
    port: null,
    probe: { kind: 'none' },
    probeFallback: null,
    restart: { policy: 'no', maxRetries: 0, backoffMs: 0, crashLimit: 5, crashWindowMs: 60_000 },
  };
}
