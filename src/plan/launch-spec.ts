/** What the plan hands the supervisor for each service: a resolved program, its environment, readiness and restarts. */
import type { Probe, RestartPolicy } from '../workspace/types.js';

/** When a dependent may start: once the dependency was spawned, or once its readiness probe passed. */
export type DependencyCondition = 'started' | 'healthy';

/** One service, ready to spawn: a resolved program, its arguments and its complete environment. */
export interface LaunchSpec {
  name: string;
  /** The program to run (resolved by the caller: the venv's python, node, …); never run through a shell. */
  file: string;
  args: string[];
  cwd: string;
  /** The complete environment for the child (nothing is added from tovrun's own). */
  env: NodeJS.ProcessEnv;
  port: number | null;
  probe: Probe;
  probeFallback: Probe | null;
  restart: RestartPolicy;
  /** Services of the same run this one starts after (none when absent); compose services are healthy before any starts. */
  dependsOn?: Readonly<Record<string, DependencyCondition>>;
}
