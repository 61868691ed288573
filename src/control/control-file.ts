/** .tovrun/control.json: where the running tovrun's control socket is, so `tovrun status` and `restart` can find it. */
import path from 'node:path';
import { parseJsonObject, readJsonRecord, removeJsonRecord, writeJsonRecord } from '../files/json-state.js';

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

/** Parses the control file's text; null when it is not a record tovrun wrote. */
export function parseControlRecord(text: string): ControlRecord | null {
  const value: Partial<ControlRecord> = parseJsonObject(text) ?? {};
  return value.version === 1 && typeof value.pid === 'number' && typeof value.socket === 'string' ? { version: 1, pid: value.pid, socket: value.socket } : null;
}

/** The recorded endpoint, or null when there is none (or it is unreadable, or not a regular file: a FIFO never blocks). */
export function readControlFile(stateDir: string): ControlRecord | null {
  return readJsonRecord(controlFilePath(stateDir), parseControlRecord);
}

/** Records the endpoint atomically. */
export function writeControlFile(stateDir: string, record: ControlRecord): void {
  writeJsonRecord(controlFilePath(stateDir), record);
}

/** Removes the record, only when it is still this pid's. */
export function removeControlFile(stateDir: string, pid: number): void {
  if (readControlFile(stateDir)?.pid === pid) removeJsonRecord(controlFilePath(stateDir));
}
