/** Public surface of the supervisor: spawn, readiness, restart, stop, port preflight, leftovers, signals, status and restart over src/control/. */
export { Supervisor, type SupervisorOptions } from './supervisor.js';
export type { RunOutcome, ServiceResult, StopReason } from './types.js';
export { describeEvent, type SupervisorEvent } from './events.js';
export { ReadinessError, StartError } from './readiness-error.js';
export { preflightPorts, describeHolder, type BusyPort, type PortClaim, type PortProbe } from './preflight.js';
export { stopLeftovers, type LeftoverOptions, type LeftoverReport, type SparedProcess, type StoppedLeftover, type UnprovenEntry } from './leftovers.js';
export { handleStopSignals, runExitCode, stopSignals, type StopSignals, type Stoppable } from './signals.js';
export { formatReadySummary } from './ready-summary.js';
export { readState, statePath, type RecordedService, type RunState } from './state-file.js';
export { leftoverLines } from './leftover-lines.js';
export type { RestartReport, RunStatus, ServiceState, ServiceStatus } from './service-status.js';
export { formatRestart, formatStatus, formatUptime } from './status-table.js';
export { startControlServer, ControlServer, type ControlHandler, type ControlServerOptions } from './control/server.js';
export { requestRestart, requestStatus, type ControlClientOptions, type RestartClientOptions } from './control/client.js';
