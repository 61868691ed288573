/**
 * The control server of a running tovrun: answers `status`, `restart`, `stop`, per-service stop/start, `logs` and
 * `errors` requests, streams events to `tovrun events`, and hands pane agents to their launcher.
 */
import { chmodSync, existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AgentEntrance, AgentRoute } from '../../control/agent-route.js';
import { removeControlFile, writeControlFile } from '../../control/control-file.js';
import { LineConnection } from '../../control/line-connection.js';
import { ensurePrivateDir } from '../../control/private-dir.js';
import { controlSocketPath, currentUserName, isNamedPipe } from '../../control/socket-path.js';
import { ExitCode, FailedError, TovrunError } from '../../errors.js';
import { alreadyRunningHint, instanceSuffix } from '../../workspace/instance.js';
import { type RestartReport, type RunStatus, type ServiceStatus, statusVersion } from '../service-status.js';
import type { EventLine } from './event-line.js';
import { LogBook } from './log-book.js';
import { lastErrors } from './log-query.js';
import { type ControlFailure, type ControlRequest, type ControlResponse, messageId, parseControlRequest, stillStartingMessage } from './protocol.js';

/** What answers the requests: the Supervisor. */
export interface ControlHandler {
  status(): ServiceStatus[];
  restart(name: string): Promise<RestartReport>;
  /** Stops one service alone (`s` in the terminal UI, `tovrun stop <service>`); resolves with its status once stopped. */
  stopService(name: string): Promise<ServiceStatus>;
  /** Starts again a stopped service (`s` again, `tovrun start <service>`) and waits for its probe. */
  startService(name: string): Promise<RestartReport>;
  /** Begins stopping the whole run, as SIGTERM does on POSIX (`tovrun down`; Windows has no signal for it); absent: stop is refused. */
  stop?(): void;
}

/** Options of startControlServer. */
export interface ControlServerOptions {
  root: string;
  /** The instance's state folder (workspace.stateDir): the control file goes there. */
  stateDir: string;
  /** The instance number (0 by default): instances of one workspace each get their own socket or pipe. */
  instance?: number;
  platform?: NodeJS.Platform;
  /** Where the fallback socket goes when the path under .tovrun is too long (os.tmpdir() by default). */
  tmpDir?: string;
  now?: () => number;
}

/** The failure a thrown error stands for: a typed error's message, hint and exit code; 1 for anything else. */
export function failureOf(error: unknown): ControlFailure {
  if (error instanceof TovrunError) return { message: error.message, hint: error.hint ?? null, exitCode: error.exitCode };
  return { message: error instanceof Error ? error.message : String(error), hint: null, exitCode: ExitCode.failed };
}

/** Whether something answers on a unix socket (a live tovrun), as opposed to a stale file. */
function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function listen(socketPath: string, instance: number): Promise<net.Server> {
  const alreadyRunning = () => new FailedError('tovrun is already running in this workspace (its control socket answers).', alreadyRunningHint(instance));
  if (!isNamedPipe(socketPath)) {
    ensurePrivateDir(path.dirname(socketPath));
    if (existsSync(socketPath)) {
      if (await answers(socketPath)) throw alreadyRunning();
      rmSync(socketPath, { force: true });
    }
  }
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? alreadyRunning() : error));
    server.listen(socketPath, () => resolve());
  });
  if (!isNamedPipe(socketPath)) chmodSync(socketPath, 0o600);
  return server;
}

/** A listening control socket; requests are answered once serve() was called. */
export class ControlServer implements AgentEntrance {
  private handler: ControlHandler | null = null;
  private panes = 'prefix';
  private agentRoute: AgentRoute | null = null;
  private readonly connections = new Set<LineConnection>();
  private readonly subscribers = new Set<LineConnection>();
  private runReady = false;
  /** Each service's recent output, masked as its log file (the run's output fills it), for logs and errors requests. */
  readonly logBook = new LogBook();

  constructor(
    /** The unix socket path or the Windows pipe name. */
    readonly socketPath: string,
    private readonly server: net.Server,
    private readonly options: ControlServerOptions & { now: () => number },
    private readonly startedAt: number,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  /** Starts answering status, restart and stop requests from handler; panes names the output mode for `tovrun status`. */
  serve(handler: ControlHandler, panes: string): void {
    this.handler = handler;
    this.panes = panes;
  }

  /** Every service passed its probe once: status says ready from now on. */
  markReady(): void {
    this.runReady = true;
  }

  /** Sends an event (already masked) to every connection that asked for events. */
  publish(event: EventLine): void {
    for (const connection of this.subscribers) connection.send({ event });
  }

  /** Sends connections that open with an agent's hello to route. */
  routeAgents(route: AgentRoute): void {
    this.agentRoute = route;
  }

  /** Stops listening, closes every connection, removes the socket and the control file. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const connection of this.connections) connection.destroy();
    });
    if (!isNamedPipe(this.socketPath)) rmSync(this.socketPath, { force: true });
    removeControlFile(this.options.stateDir, process.pid);
  }

  private accept(socket: net.Socket): void {
    const connection = new LineConnection(socket);
    this.connections.add(connection);
    connection.onClose(() => {
      this.connections.delete(connection);
      this.subscribers.delete(connection);
    });
    let first = true;
    connection.onLine((line) => {
      if (first) {
        first = false;
        if (this.agentRoute?.(connection, line)) return;
      }
      void this.answer(line, connection).then((response) => connection.send(response));
    });
  }

  private async answer(line: string, connection: LineConnection): Promise<ControlResponse> {
    const parsed = parseControlRequest(line);
    if ('error' in parsed) return { id: messageId(line), ok: false, error: { message: parsed.error, hint: null, exitCode: ExitCode.usage } };
    const request: ControlRequest = parsed.value;
    try {
      // Output and events exist from the start: they need no handler.
      if (request.type === 'logs')
        return { id: request.id, ok: true, logs: this.logBook.query(request.query, this.handler?.status().map((each) => each.name) ?? []) };
      if (request.type === 'errors') return { id: request.id, ok: true, errors: lastErrors(this.logBook.sources()) };
      if (request.type === 'events') {
        this.subscribers.add(connection);
        return { id: request.id, ok: true, events: 'subscribed' };
      }
      const handler = this.handler;
      if (!handler) throw new FailedError(stillStartingMessage, 'Try again in a moment.');
      if (request.type === 'status') return { id: request.id, ok: true, status: this.runStatus(handler) };
      if (request.type === 'stop') {
        if (!handler.stop) throw new FailedError('this tovrun cannot be stopped over its control socket.', 'Stop it with Ctrl-C in its terminal.');
        handler.stop();
        return { id: request.id, ok: true, stop: { pid: process.pid } };
      }
      if (request.type === 'stop-service') return { id: request.id, ok: true, stopped: await handler.stopService(request.service) };
      if (request.type === 'start-service') return { id: request.id, ok: true, restart: await handler.startService(request.service) };
      return { id: request.id, ok: true, restart: await handler.restart(request.service) };
    } catch (error) {
      return { id: request.id, ok: false, error: failureOf(error) };
    }
  }

  private runStatus(handler: ControlHandler): RunStatus {
    return {
      version: statusVersion,
      ready: this.runReady,
      pid: process.pid,
      root: this.options.root,
      panes: this.panes,
      uptimeMs: this.options.now() - this.startedAt,
      services: handler.status(),
    };
  }
}

/** Listens on the workspace's control socket (0600 in a 0700 folder, or a named pipe) and records it in .tovrun/control.json. */
export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const platform = options.platform ?? process.platform;
  const socketPath = controlSocketPath({
    root: options.root,
    stateDir: options.stateDir,
    platform,
    tmpDir: options.tmpDir ?? tmpdir(),
    uid: process.getuid?.() ?? null,
    user: currentUserName(),
    suffix: instanceSuffix(options.instance ?? 0),
  });
  const server = await listen(socketPath, options.instance ?? 0);
  const now = options.now ?? Date.now;
  writeControlFile(options.stateDir, { version: 1, pid: process.pid, socket: socketPath });
  return new ControlServer(socketPath, server, { ...options, now }, now());
}
