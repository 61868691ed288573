/** .tovrun/state.json: what a running tovrun started, so a later `tovrun down` can stop leftovers; written atomically. */
import path from 'node:path';
import { parseJson, readJsonRecord, removeJsonRecord, writeJsonRecord } from '../files/json-state.js';
import type { ProcessIdentity } from './process-table.js';

/** One started service as recorded. */
export interface RecordedService extends ProcessIdentity {
  name: string;
  pid: number;
  /** Its process group (POSIX); null on Windows. */
  pgid: number | null;
  port: number | null;
  /** What tovrun launched: file then arguments. */
  command: string[];
  cwd: string;
}

/** The whole state file. */
export interface RunState {
  version: 1;
  /** The tovrun process that wrote the file. */
  owner: ProcessIdentity & { pid: number };
  services: RecordedService[];
}

/** The state file's path inside a workspace's .tovrun folder. */
export function statePath(stateDir: string): string {
  return path.join(stateDir, 'state.json');
}

const isNumberOrNull = (value: unknown) => value === null || typeof value === 'number';
const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';

function isIdentity(value: unknown): value is RunState['owner'] {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.pid === 'number' && isNumberOrNull(record.startTime) && isStringOrNull(record.commandLine);
}

function isRecordedService(value: unknown): value is RecordedService {
  if (!isIdentity(value)) return false;
  const record = value as unknown as Record<string, unknown>;
  return (
    typeof record.name === 'string' &&
    isNumberOrNull(record.pgid) &&
    isNumberOrNull(record.port) &&
    Array.isArray(record.command) &&
    typeof record.cwd === 'string'
  );
}

/** Parses the state file's text; null when it is not a state file tovrun wrote. */
export function parseState(text: string): RunState | null {
  const value = parseJson(text);
  if (typeof value !== 'object' || value === null) return null;
  const state = value as Record<string, unknown>;
  const owner = state.owner;
  if (state.version !== 1 || !isIdentity(owner) || !Array.isArray(state.services)) return null;
  return { version: 1, owner, services: state.services.filter(isRecordedService) };
}

/** The recorded state, or null when there is none (or it is unreadable). */
export function readState(stateDir: string): RunState | null {
  return readJsonRecord(statePath(stateDir), parseState);
}

/** Writes the state atomically: a temporary file in the same folder, then a rename over the old one. */
export function writeState(stateDir: string, state: RunState): void {
  writeJsonRecord(statePath(stateDir), state);
}

/** Removes the state file (nothing of this run is left). */
export function removeState(stateDir: string): void {
  removeJsonRecord(statePath(stateDir));
}
