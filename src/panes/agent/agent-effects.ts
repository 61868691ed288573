/** The effects a pane agent uses (spawning, signals, its terminal, the socket), injectable for tests. */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import net from 'node:net';
import type { Readable } from 'node:stream';
import { LineConnection } from '../../control/line-connection.js';
import { type Host, realHost } from '../../os/host.js';
import type { SignalSource } from '../../os/signal-source.js';
import type { IsFile } from '../../platform/executable.js';

/** Where the agent writes: its pane's terminal, which reports an error (EIO) once the pane has gone. */
export interface AgentTerminal {
  write(data: string | Uint8Array): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Everything a pane agent asks of the outside world. */
export interface AgentEffects {
  host: Host;
  stdout: AgentTerminal;
  stderr: AgentTerminal;
  stdin: Readable;
  signals: SignalSource;
  spawn(file: string, args: string[], options: SpawnOptions): ChildProcess;
  /** Whether a path is a program file (Windows looks services up with PATHEXT); absent: the file system is asked. */
  isFile?: IsFile;
  connect(socket: string): Promise<LineConnection>;
  /** Calls listener when the agent's process is about to exit, for whatever reason (an uncaught error too); returns its remover. */
  onExit(listener: () => void): () => void;
}

/** Connects to the control socket (a unix socket or a Windows pipe). */
export function connectLines(socket: string): Promise<LineConnection> {
  return new Promise((resolve, reject) => {
    const client = net.connect(socket, () => resolve(new LineConnection(client)));
    client.once('error', reject);
  });
}

/** The real process's effects. */
export function realAgentEffects(): AgentEffects {
  return {
    host: realHost(),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    signals: process,
    spawn: (file, args, options) => spawn(file, args, options),
    connect: connectLines,
    onExit: (listener) => {
      process.on('exit', listener);
      return () => process.off('exit', listener);
    },
  };
}

/** Connects an agent to tovrun; null (after saying why on stderr) when tovrun cannot be reached. */
export async function connectAgent(kind: 'pane' | 'pipe', socket: string, effects: Pick<AgentEffects, 'connect' | 'stderr'>): Promise<LineConnection | null> {
  try {
    return await effects.connect(socket);
  } catch (error) {
    effects.stderr.write(`tovrun ${kind} agent: cannot reach tovrun at ${socket} (${(error as Error).message}).\n`);
    return null;
  }
}
