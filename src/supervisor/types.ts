/** The plain data the supervisor gives back: why a run stops and how each service and the whole run ended (what it takes is plan/launch-spec.ts). */
import type { ProcessExit } from './restart-policy.js';

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
