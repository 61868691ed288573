/** The plain data the supervisor takes and gives: what to launch, readiness, and how the run ended. */
import type { Probe, RestartPolicy } from '../workspace/types.js';
import type { ProcessExit } from './restart-policy.js';

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

/** Why a run is being stopped. */
export type StopReason = 'interrupted' | 'terminated' | 'failed' | 'requested';

/** How one service ended. */
export interface ServiceResult {
  name: string;
  /** Its last process's exit; null when it never started. */
  exit: ProcessExit | null;
  /** True when it ended on its own with a failure (not because tovrun stopped it). */
  failed: boolean;
  restarts: number;
  /** Its exit code as tovrun reports it: 0 unless failed. */
  code: number;
}

/** How the whole run ended. */
export interface RunOutcome {
  /** The first failing service's code, else 0 (the caller maps Ctrl-C to 130). */
  exitCode: number;
  stopReason: StopReason | null;
  services: ServiceResult[];
}
