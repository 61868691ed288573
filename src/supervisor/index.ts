/** Public surface of the supervisor: spawn, readiness, restart, stop, port preflight, leftovers, signals. */
export { Supervisor, type SupervisorOptions } from './supervisor.js';
export type { LaunchSpec, ReadyService, RunOutcome, ServiceResult, StopReason } from './types.js';
export { describeEvent, describeExit, type SupervisorEvent } from './events.js';
export { ReadinessError } from './readiness-error.js';
export { realHost, type ExecResult, type Host } from './host.js';
export { preflightPorts, describeHolder, type BusyPort, type PortClaim, type PortProbe } from './preflight.js';
export { findPortHolder } from './port-holder.js';
export type { PortHolder } from './port-holder-parse.js';
export { stopLeftovers, type LeftoverOptions, type LeftoverReport, type SparedProcess, type StoppedLeftover } from './leftovers.js';
export { handleStopSignals, runExitCode, stopSignals, type SignalSource, type StopSignals, type Stoppable } from './signals.js';
export { describeProbe, seconds, serviceUrl } from './probes/describe.js';
export { formatReadySummary } from './ready-summary.js';
export { readState, statePath, type RecordedService, type RunState } from './state-file.js';
export { taskkillArgs } from './kill-tree.js';
export { leftoverLines } from './leftover-lines.js';
