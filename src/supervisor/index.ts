/** Public surface of the supervisor: spawn, readiness, restart, stop, port preflight, leftovers, signals, status and restart over src/control/. */

export { type ControlClientOptions, type RestartClientOptions, requestRestart, requestStatus } from './control/client.js';
export { type ControlHandler, ControlServer, type ControlServerOptions, startControlServer } from './control/server.js';
export { describeEvent, type SupervisorEvent } from './events.js';
export { leftoverLines } from './leftover-lines.js';
export { type LeftoverOptions, type LeftoverReport, type SparedProcess, type StoppedLeftover, stopLeftovers, type UnprovenEntry } from './leftovers.js';
export { type BusyPort, describeHolder, type PortClaim, type PortProbe, preflightPorts } from './preflight.js';
export { ReadinessError, StartError } from './readiness-error.js';
export { formatReadySummary } from './ready-summary.js';
export type { ReplaceOptions } from './service-runner.js';
export type { RestartReport, RunStatus, ServiceState, ServiceStatus } from './service-status.js';
export { handleStopSignals, runExitCode, type Stoppable, type StopSignals, stopSignals } from './signals.js';
export { type RecordedService, type RunState, readState, statePath } from './state-file.js';
export { formatRestart, formatStatus, formatUptime } from './status-table.js';
export { Supervisor, type SupervisorOptions } from './supervisor.js';
export type { RunOutcome, ServiceResult, StopReason } from './types.js';
