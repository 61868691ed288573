/** Talking to the running tovrun of a workspace: one request, one answer, typed errors when nobody answers. */
import net from 'node:net';
import { FailedError, UsageError, ExitCode } from '../../errors.js';
import type { RestartReport, RunStatus } from '../service-status.js';
import { readControlFile } from './control-file.js';
import { LineConnection } from './line-connection.js';
import { parseControlResponse, type ControlResponse } from './protocol.js';

/** Options of the requests. */
export interface ControlClientOptions {
  /** Give up waiting for the answer after this long (none by default: a restart waits for readiness). */
  timeoutMs?: number;
}

function notRunning(detail = ''): FailedError {
  return new FailedError(`no tovrun is running in this workspace${detail}.`, 'Start one with `tovrun` (or `tovrun up`), then try again.');
}

function connect(socketPath: string): Promise<LineConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath, () => resolve(new LineConnection(socket)));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const gone = error.code === 'ENOENT' || error.code === 'ECONNREFUSED' || error.code === 'ENOTSOCK';
      reject(gone ? notRunning(' (its control socket is gone)') : new FailedError(`cannot reach the running tovrun: ${error.message}`));
    });
  });
}

async function send(stateDir: string, body: { type: 'status' } | { type: 'restart'; service: string }, options: ControlClientOptions): Promise<ControlResponse & { ok: true }> {
  const record = readControlFile(stateDir);
  if (!record) throw notRunning();
  const connection = await connect(record.socket);
  let timer: NodeJS.Timeout | undefined;
  const response = await new Promise<ControlResponse>((resolve, reject) => {
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => reject(new FailedError(`the running tovrun (pid ${record.pid}) did not answer within ${options.timeoutMs} ms.`)), options.timeoutMs);
    }
    connection.onLine((line) => {
      const parsed = parseControlResponse(line);
      if ('error' in parsed) reject(new FailedError(`the running tovrun gave an answer tovrun cannot read: ${parsed.error}.`));
      else resolve(parsed.value);
    });
    connection.onClose(() => reject(new FailedError(`the running tovrun (pid ${record.pid}) closed the connection without answering.`)));
    connection.send({ id: 1, ...body });
  }).finally(() => {
    clearTimeout(timer);
    connection.destroy();
  });
  if (response.ok) return response;
  const { message, hint, exitCode } = response.error;
  throw exitCode === ExitCode.usage ? new UsageError(message, hint ?? undefined) : new FailedError(message, hint ?? undefined);
}

/** The running tovrun's status; a FailedError (exit 1) when none runs. */
export async function requestStatus(stateDir: string, options: ControlClientOptions = { timeoutMs: 10_000 }): Promise<RunStatus> {
  const response = await send(stateDir, { type: 'status' }, options);
  if ('status' in response) return response.status;
  throw new FailedError('the running tovrun answered a status request with something else.');
}

/** Asks the running tovrun to restart a service and waits for the new process's probe; a UsageError (exit 2) for an unknown service. */
export async function requestRestart(stateDir: string, service: string, options: ControlClientOptions = {}): Promise<RestartReport> {
  const response = await send(stateDir, { type: 'restart', service }, options);
  if ('restart' in response) return response.restart;
  throw new FailedError('the running tovrun answered a restart request with something else.');
}
