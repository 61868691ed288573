/** Newline-delimited JSON over a local socket: one JSON value per line, each way. */
import type { Socket } from 'node:net';
import { LineSplitter } from '../text/line-splitter.js';

/** One end of a control or agent connection: send values, receive lines (parse them with the protocol's parsers). */
export class LineConnection {
  private listener: (line: string) => void = () => undefined;
  private readonly closeListeners: (() => void)[] = [];
  private closed = false;

  constructor(private readonly socket: Socket) {
    const splitter = new LineSplitter((line) => this.listener(line));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => splitter.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      for (const listener of this.closeListeners.splice(0)) listener();
    });
  }

  /** Sets who receives the following lines (replacing the previous receiver). */
  onLine(listener: (line: string) => void): void {
    this.listener = listener;
  }

  /** Calls listener once when the connection closes (at once when it already has). */
  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  /** Whether the connection has closed. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends one value as a JSON line; ignored once closed. */
  send(value: unknown): void {
    if (!this.closed && this.socket.writable) this.socket.write(`${JSON.stringify(value)}\n`);
  }

  /** Ends the connection after what was sent. */
  end(): void {
    this.socket.end();
  }

  /** Closes the connection now. */
  destroy(): void {
    this.socket.destroy();
  }
}
