/** .tovrun/control.json: where the running tovrun's control socket is, so `tovrun status` and `restart` can find it. */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write.js';

/** The recorded control endpoint. */
export interface ControlRecord {
  version: 1;
  /** The tovrun that listens. */
  pid: number;
  /** The unix socket path or the Windows pipe name. */
  socket: string;
}

/** The control file's path inside a workspace's .tovrun folder. */
export function controlFilePath(stateDir: string): string {
  return path.join(stateDir, 'control.json');
}

/** The recorded endpoint, or null when there is none (or it is unreadable). */
export function readControlFile(stateDir: string): ControlRecord | null {
  try {
    const value = JSON.parse(readFileSync(controlFilePath(stateDir), 'utf8')) as Partial<ControlRecord>;
    return value.version === 1 && typeof value.pid === 'number' && typeof value.socket === 'string' ? (value as ControlRecord) : null;
  } catch {
    return null;
  }
}

/** Records the endpoint atomically. */
export function writeControlFile(stateDir: string, record: ControlRecord): void {
  writeFileAtomic(controlFilePath(stateDir), `${JSON.stringify(record, null, 2)}\n`);
}

/** Removes the record, only when it is still this pid's. */
export function removeControlFile(stateDir: string, pid: number): void {
  if (readControlFile(stateDir)?.pid === pid) rmSync(controlFilePath(stateDir), { force: true });
}
