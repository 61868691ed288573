/** Talking to the running tovrun of a workspace: one request, one answer, typed errors when nobody answers. */
import net from 'node:net';
import { readControlFile } from '../../control/control-file.js';
import { LineConnection } from '../../control/line-connection.js';
import { ExitCode, FailedError, UsageError } from '../../errors.js';
import { orTimeout } from '../../os/delay.js';
import { formatSeconds } from '../../text/seconds.js';
import type { RestartReport, RunStatus, ServiceStatus } from '../service-status.js';
import type { LogAnswer, LogQuery, ServiceError } from './log-query.js';
import { type ControlResponse, parseControlResponse, type ServiceRequestType, type StopAccepted, stillStartingMessage } from './protocol.js';

/** How long a running tovrun may take to answer a status request (which it answers at once). */
export const answerTimeoutMs = 10_000;

/** Options of the requests. */
export interface ControlClientOptions {
  /** Give up connecting and waiting for the answer after this long. */
  timeoutMs: number;
}

/** Options of a restart: its own deadline (the old process's stop and the new one's probe), and how fast the running tovrun must first answer at all. */
export interface RestartClientOptions extends ControlClientOptions {
  answerTimeoutMs?: number;
}

/** No tovrun runs in the workspace (no control record, or its socket is gone): exit 1, and the hint says how to start one. */
export class NotRunningError extends FailedError {
  /** detail: why it is known (e.g. " (its control socket is gone)"). */
  constructor(detail = '') {
    super(
      `no tovrun is running in this workspace${detail}.`,
      'Start one with `tovrun` (or `tovrun up`, or `tovrun up --detach` in the background), then try again.',
    );
  }
}

/** A tovrun runs but is still preparing its services (installing, starting compose): it answers status once they start. */
export class StillStartingError extends FailedError {
  /** With the running tovrun's hint. */
  constructor(hint: string | undefined) {
    super(stillStartingMessage, hint);
  }
}

function notRunning(detail = ''): FailedError {
  return new NotRunningError(detail);
}

/** Connects to a control socket; a NotRunningError when nothing listens there. */
export function connect(socketPath: string): Promise<LineConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath, () => resolve(new LineConnection(socket)));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const gone = error.code === 'ENOENT' || error.code === 'ECONNREFUSED' || error.code === 'ENOTSOCK';
      reject(gone ? notRunning(' (its control socket is gone)') : new FailedError(`cannot reach the running tovrun: ${error.message}`));
    });
  });
}

function noAnswer(pid: number, socketPath: string, timeoutMs: number): FailedError {
  return new FailedError(
    `the running tovrun (pid ${pid}) did not answer within ${formatSeconds(timeoutMs)}: something accepts connections on its control socket ${socketPath} but sends nothing back.`,
    `If that tovrun hangs, stop it with \`tovrun down\` (or Ctrl-C in its terminal), then start again.`,
  );
}

type RequestBody = { type: 'status' | 'stop' | 'errors' } | { type: ServiceRequestType; service: string } | { type: 'logs'; query: LogQuery };

/** Options of send: only the tovrun with this pid; keep the connection after the answer until the server closes it (at most lingerMs). */
interface SendOptions extends ControlClientOptions {
  pid?: number;
  lingerMs?: number;
}

/** Whether connection closes within ms (the answering tovrun closes every connection once it has stopped, and its exit closes them too). */
function closesWithin(connection: LineConnection | undefined, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (!connection) return resolve(false);
    const timer = setTimeout(() => resolve(false), ms);
    connection.onClose(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function send(stateDir: string, body: RequestBody, options: SendOptions): Promise<ControlResponse & { ok: true; closed: boolean }> {
  const record = readControlFile(stateDir);
  if (!record || (options.pid !== undefined && record.pid !== options.pid)) throw notRunning();
  let connection: LineConnection | undefined;
  let settled = false;
  const exchange = connect(record.socket).then((connected) => {
    connection = connected;
    if (settled) connected.destroy();
    return new Promise<ControlResponse>((resolve, reject) => {
      connected.onLine((line) => {
        const parsed = parseControlResponse(line);
        if ('error' in parsed) reject(new FailedError(`the running tovrun gave an answer tovrun cannot read: ${parsed.error}.`));
        else resolve(parsed.value);
      });
      connected.onClose(() => reject(new FailedError(`the running tovrun (pid ${record.pid}) closed the connection without answering.`)));
      connected.send({ id: 1, ...body });
    });
  });
  exchange.catch(() => undefined);
  // One deadline for connecting and answering: a socket that accepts but never answers cannot make a request wait forever.
  const response = await orTimeout(exchange, options.timeoutMs, () => noAnswer(record.pid, record.socket, options.timeoutMs))
    .finally(() => {
      settled = true;
    })
    .catch((error: unknown) => {
      connection?.destroy();
      throw error;
    });
  const closed = response.ok && options.lingerMs ? await closesWithin(connection, options.lingerMs) : false;
  connection?.destroy();
  if (response.ok) return { ...response, closed };
  const { message, hint, exitCode } = response.error;
  if (message === stillStartingMessage) throw new StillStartingError(hint ?? undefined);
  throw exitCode === ExitCode.usage ? new UsageError(message, hint ?? undefined) : new FailedError(message, hint ?? undefined);
}

/** The running tovrun's status; a FailedError (exit 1) when none runs or it does not answer in time. */
export async function requestStatus(stateDir: string, options: ControlClientOptions = { timeoutMs: answerTimeoutMs }): Promise<RunStatus> {
  const response = await send(stateDir, { type: 'status' }, options);
  if ('status' in response) return response.status;
  throw new FailedError('the running tovrun answered a status request with something else.');
}

/**
 * Asks the running tovrun to restart a service and waits for the new process's probe; a UsageError (exit 2) for an
 * unknown service. A status request first proves that tovrun answers at all (within answerTimeoutMs), so a hung one
 * fails fast; the restart itself then gets timeoutMs.
 */
export async function requestRestart(stateDir: string, service: string, options: RestartClientOptions): Promise<RestartReport> {
  return relaunchRequest(stateDir, { type: 'restart', service }, options);
}

/** Asks the running tovrun to start again a stopped service (`tovrun start <service>`) and waits for its probe; as requestRestart. */
export async function requestStartService(stateDir: string, service: string, options: RestartClientOptions): Promise<RestartReport> {
  return relaunchRequest(stateDir, { type: 'start-service', service }, options);
}

/**
 * Asks the running tovrun to stop one service alone (`tovrun stop <service>`) and waits until its process has gone;
 * resolves with its status then. A UsageError (exit 2) for an unknown service or one that is not running.
 */
export async function requestStopService(stateDir: string, service: string, options: RestartClientOptions): Promise<ServiceStatus> {
  await requestStatus(stateDir, { timeoutMs: options.answerTimeoutMs ?? answerTimeoutMs });
  const response = await send(stateDir, { type: 'stop-service', service }, options);
  if ('stopped' in response) return response.stopped;
  throw new FailedError('the running tovrun answered a stop-service request with something else.');
}

async function relaunchRequest(
  stateDir: string,
  body: { type: 'restart' | 'start-service'; service: string },
  options: RestartClientOptions,
): Promise<RestartReport> {
  await requestStatus(stateDir, { timeoutMs: options.answerTimeoutMs ?? answerTimeoutMs });
  const response = await send(stateDir, body, options);
  if ('restart' in response) return response.restart;
  throw new FailedError(`the running tovrun answered a ${body.type} request with something else.`);
}

/** What a stop request did: the pid of the tovrun that accepted it, and whether it closed its control socket (it had stopped) within stoppedWithinMs. */
export interface StopOutcome extends StopAccepted {
  stopped: boolean;
}

/**
 * Asks the running tovrun to stop (`tovrun down`) and waits, at most stoppedWithinMs, until it closes the connection,
 * which it does once everything has stopped (or its exit does). With pid, only a control record of that tovrun is used
 * (a FailedError otherwise, as when nobody answers). The connection tells when it is done even where its pid may be
 * reused at once (Wine), which polling the pid cannot.
 */
export async function requestStop(stateDir: string, options: ControlClientOptions & { pid?: number; stoppedWithinMs: number }): Promise<StopOutcome> {
  const response = await send(stateDir, { type: 'stop' }, { ...options, lingerMs: options.stoppedWithinMs });
  if ('stop' in response) return { pid: response.stop.pid, stopped: response.closed };
  throw new FailedError('the running tovrun answered a stop request with something else.');
}

/** The running tovrun's kept lines matching query (see queryLines); a NotRunningError when none runs. */
export async function requestLogs(stateDir: string, query: LogQuery, options: ControlClientOptions = { timeoutMs: answerTimeoutMs }): Promise<LogAnswer> {
  const response = await send(stateDir, { type: 'logs', query }, options);
  if ('logs' in response) return response.logs;
  throw new FailedError('the running tovrun answered a logs request with something else.');
}

/** The running tovrun's last error block of each service; a NotRunningError when none runs. */
export async function requestErrors(stateDir: string, options: ControlClientOptions = { timeoutMs: answerTimeoutMs }): Promise<ServiceError[]> {
  const response = await send(stateDir, { type: 'errors' }, options);
  if ('errors' in response) return response.errors;
  throw new FailedError('the running tovrun answered an errors request with something else.');
}
