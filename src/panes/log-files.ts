/** Per-service log files under .tovrun/logs/: appended, plain text (no ANSI codes). */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** The folder holding the service logs of a workspace. */
export function logsDir(stateDir: string): string {
  return path.join(stateDir, 'logs');
}

/** The log file of one service (the name made safe for a file name). */
export function logFilePath(stateDir: string, service: string): string {
  return path.join(logsDir(stateDir), `${service.replace(/[^A-Za-z0-9._-]/g, '_')}.log`);
}

/** A line without terminal control sequences; skips the regex when there is nothing to strip. */
export function plainText(line: string): string {
  return line.includes('\u001b') || line.includes('\u009b') ? stripVTControlCharacters(line) : line;
}

/** Appends lines to each service's log file, batching text until flush(). */
export class LogFiles {
  private readonly streams = new Map<string, WriteStream>();
  private readonly pending = new Map<string, string>();

  constructor(private readonly stateDir: string) {}

  /** Queues one line (already masked) for the service's file; ANSI codes are removed. */
  append(service: string, line: string): void {
    this.pending.set(service, `${this.pending.get(service) ?? ''}${plainText(line)}\n`);
  }

  /** Writes every queued line to its file. */
  flush(): void {
    for (const [service, text] of this.pending) this.stream(service).write(text);
    this.pending.clear();
  }

  /** Flushes and closes every file; resolves when all are written. */
  async close(): Promise<void> {
    this.flush();
    const closing = [...this.streams.values()].map(async (stream) => {
      if (stream.closed) return;
      await new Promise<void>((resolve) => {
        stream.once('close', resolve);
        stream.end();
      });
    });
    this.streams.clear();
    await Promise.all(closing);
  }

  private stream(service: string): WriteStream {
    let stream = this.streams.get(service);
    if (!stream) {
      mkdirSync(logsDir(this.stateDir), { recursive: true });
      stream = createWriteStream(logFilePath(this.stateDir, service), { flags: 'a' });
      stream.on('error', () => undefined);
      this.streams.set(service, stream);
    }
    return stream;
  }
}
