/** Per-service log files under .tovrun/logs/: plain text (no ANSI codes), one file per run, bounded in size. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { whenAll } from './backpressure.js';
import { defaultLogLimits, type LogLimits, ServiceLog } from './service-log.js';

/** The folder holding the service logs of a workspace. */
export function logsDir(stateDir: string): string {
  return path.join(stateDir, 'logs');
}

/** A service name made safe for a file name. */
function fileStem(service: string): string {
  return service.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The log file of one service (the current run's). */
export function logFilePath(stateDir: string, service: string): string {
  return path.join(logsDir(stateDir), `${fileStem(service)}.log`);
}

/** The log one service wrote before the current file: the previous run's, or this run's first part once it grew past the cap. */
export function previousLogFilePath(stateDir: string, service: string): string {
  return path.join(logsDir(stateDir), `${fileStem(service)}.previous.log`);
}

/** The log files of one run: each service's file is started (the previous run's kept) when first used, or up front. */
export class LogFiles {
  private readonly files = new Map<string, ServiceLog>();
  private readonly queued = new Set<ServiceLog>();
  private closed = false;

  /** Starts the logs of services at once: a run's log files begin empty even for services that print nothing. */
  constructor(
    private readonly stateDir: string,
    services: readonly string[] = [],
    private readonly limits: LogLimits = defaultLogLimits,
  ) {
    for (const service of services) this.open(service);
  }

  /** Starts the service's log of this run if it was not yet: afterwards the file exists, so it can be followed. */
  open(service: string): void {
    if (!this.closed) this.logOf(service);
  }

  /** Queues text for the service's file: complete lines, each ending in '\n', already masked and without ANSI codes. Ignored after close(). */
  append(service: string, text: string): void {
    if (this.closed) return;
    const log = this.logOf(service);
    log.append(text);
    this.queued.add(log);
  }

  /** Writes the queued text of every file. */
  flush(): void {
    for (const log of this.queued) log.flush();
    this.queued.clear();
  }

  /** A promise while some file has more than its high-water mark waiting to be written; undefined otherwise. */
  whenWritable(): Promise<void> | undefined {
    const waits: Promise<void>[] = [];
    for (const log of this.files.values()) {
      const wait = log.whenWritable();
      if (wait) waits.push(wait);
    }
    return whenAll(waits);
  }

  /** Flushes and closes every file; resolves when all are written. */
  async close(): Promise<void> {
    this.closed = true;
    this.queued.clear();
    const logs = [...this.files.values()];
    this.files.clear();
    await Promise.all(logs.map((log) => log.close()));
  }

  private logOf(service: string): ServiceLog {
    let log = this.files.get(service);
    if (!log) {
      mkdirSync(logsDir(this.stateDir), { recursive: true });
      log = new ServiceLog(logFilePath(this.stateDir, service), previousLogFilePath(this.stateDir, service), this.limits);
      this.files.set(service, log);
    }
    return log;
  }
}
