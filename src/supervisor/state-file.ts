/** .tovrun/state.json: what a running tovrun started, so a later `tovrun down` can stop leftovers; written atomically, read checked. */
import path from 'node:path';
import { asRecord, parseJson, readJsonRecord, removeJsonRecord, writeJsonRecord } from '../files/json-state.js';
import type { ProcessIdentity } from '../os/process-table.js';
import type { ProcessMark } from '../os/windows-processes.js';

/** One started service as recorded. */
export interface RecordedService extends ProcessIdentity {
  name: string;
  pid: number;
  /** Its process group (POSIX): always its own pid, since tovrun starts each service as a group leader; null on Windows. */
  pgid: number | null;
  port: number | null;
  /** What tovrun launched: file then arguments. */
  command: string[];
  cwd: string;
  /**
   * Windows: its descendants as last seen while it ran, each with its start time, so that they can be proved and
   * stopped after a crash even once it has exited (Windows has no process groups, and a process keeps its dead
   * creator's id). Absent on POSIX, where the group covers them.
   */
  descendants?: ProcessMark[];
}

/** The whole state file. */
export interface RunState {
  version: 1;
  /** The tovrun process that wrote the file. */
  owner: ProcessIdentity & { pid: number };
  services: RecordedService[];
}

/** An entry of the file that does not have the shape tovrun writes, with why; it is never signalled. */
export interface RejectedEntry {
  /** The service name as printable text, "the owner", or a placeholder when the entry has no usable name. */
  name: string;
  reason: string;
}

/** The readable part of a state file: the entries that passed the checks, and those that did not. */
export interface CheckedState {
  /** The recording tovrun, or null when its entry was rejected. */
  owner: RunState['owner'] | null;
  services: RecordedService[];
  rejected: RejectedEntry[];
}

/** The process running the check: entries naming it or its process group are rejected. */
export interface SelfProcess {
  pid: number;
  /** Its process group, or null when unknown (Windows). */
  pgid: number | null;
}

/** The state file's path inside a workspace's .tovrun folder. */
export function statePath(stateDir: string): string {
  return path.join(stateDir, 'state.json');
}

/** A pid tovrun may ever signal: a whole number above 1 (0, 1 and negative numbers address groups or every process). */
export const isSignallablePid = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 1;
const isStartTime = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value) && value > 0);
const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';
const isPort = (value: unknown) => value === null || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65_535);
const hasControlChars = (text: string) => /[\u0000-\u001f\u007f-\u009f]/.test(text);

/** Text from the file made safe to print: control characters escaped. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function identityProblem(record: Record<string, unknown>, self: SelfProcess | undefined): string | null {
  if (!isSignallablePid(record.pid)) return `its pid ${printable(JSON.stringify(record.pid) ?? 'undefined')} is not a process id above 1`;
  if (!isStartTime(record.startTime)) return 'its start time is not a positive number';
  if (!isStringOrNull(record.commandLine)) return 'its command line is not text';
  if (self && record.pid === self.pid) return `pid ${record.pid} is this tovrun itself`;
  return null;
}

function serviceProblem(record: Record<string, unknown>, self: SelfProcess | undefined): string | null {
  const identity = identityProblem(record, self);
  if (identity) return identity;
  const { pid, pgid } = record as { pid: number; pgid: unknown };
  if (pgid !== null && !isSignallablePid(pgid)) return `its process group ${printable(JSON.stringify(pgid) ?? 'undefined')} is not a process id above 1`;
  if (pgid !== null && pgid !== pid) return `its process group ${pgid} is not the one it leads (tovrun starts every service as the leader of group ${pid})`;
  // Where processes have groups (self's is known), tovrun records one for every service: an entry without one would be
  // signalled by its bare pid, which may sit in any group, this tovrun's own included.
  if (pgid === null && self && self.pgid !== null) return 'it records no process group, and tovrun records one for every service on this system';
  if (self && self.pgid !== null && (pgid === self.pgid || pid === self.pgid)) return `process group ${self.pgid} is this tovrun's own`;
  if (!isPort(record.port)) return 'its port is not a port number';
  if (!Array.isArray(record.command) || !record.command.every((arg) => typeof arg === 'string') || typeof record.cwd !== 'string')
    return 'its command or folder is not text';
  return descendantsProblem(record.descendants, self);
}

/** Why a recorded descendants list is not one tovrun wrote (each entry a pid above 1 with a positive start time, none of self), or null. */
function descendantsProblem(value: unknown, self: SelfProcess | undefined): string | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) return 'its descendants are not a list';
  for (const entry of value as unknown[]) {
    const mark = asRecord(entry);
    if (!mark || !isSignallablePid(mark.pid) || typeof mark.startTime !== 'number' || !isStartTime(mark.startTime))
      return 'a descendant in it is not a pid above 1 with a start time';
    if (self && mark.pid === self.pid) return `its descendant pid ${mark.pid} is this tovrun itself`;
  }
  return null;
}

function entryName(record: Record<string, unknown>): string {
  return typeof record.name === 'string' && record.name !== '' ? printable(record.name) : 'an unnamed service';
}

/** The service of an entry that passed the checks, with only the fields tovrun writes. */
function recordedService(record: Record<string, unknown>): RecordedService {
  const service: RecordedService = {
    name: record.name as string,
    pid: record.pid as number,
    pgid: record.pgid as number | null,
    port: record.port as number | null,
    command: record.command as string[],
    cwd: record.cwd as string,
    startTime: record.startTime as number | null,
    commandLine: record.commandLine as string | null,
  };
  if (Array.isArray(record.descendants)) service.descendants = (record.descendants as ProcessMark[]).map(({ pid, startTime }) => ({ pid, startTime }));
  return service;
}

/** Checks the parsed file: each entry needs a pid above 1, a positive start time (or null), a group it leads, and nothing of self. Null when it is not a state file at all. */
export function checkState(value: unknown, self?: SelfProcess): CheckedState | null {
  const state = asRecord(value);
  if (state?.version !== 1 || !Array.isArray(state.services)) return null;
  const rejected: RejectedEntry[] = [];
  const ownerRecord = asRecord(state.owner);
  const ownerProblem = ownerRecord ? identityProblem(ownerRecord, undefined) : 'it is missing';
  if (ownerProblem) rejected.push({ name: 'the owner', reason: ownerProblem });
  const owner =
    ownerRecord && !ownerProblem
      ? { pid: ownerRecord.pid as number, startTime: ownerRecord.startTime as number | null, commandLine: ownerRecord.commandLine as string | null }
      : null;
  const services: RecordedService[] = [];
  for (const entry of state.services as unknown[]) {
    const record = asRecord(entry);
    const name = record ? entryName(record) : 'an entry that is not an object';
    const problem = !record
      ? 'it is not an object'
      : typeof record.name !== 'string' || record.name === '' || hasControlChars(record.name)
        ? 'its name is not a service name'
        : serviceProblem(record, self);
    if (problem || !record) rejected.push({ name, reason: problem ?? 'it is not an object' });
    else services.push(recordedService(record));
  }
  return { owner, services, rejected };
}

/** Parses the state file's text; null when it is not a state file tovrun wrote (or its owner entry is not valid); drops invalid services. */
export function parseState(text: string): RunState | null {
  const checked = checkState(parseJson(text));
  return checked?.owner ? { version: 1, owner: checked.owner, services: checked.services } : null;
}

/** The recorded state, or null when there is none (or it is unreadable). */
export function readState(stateDir: string): RunState | null {
  return readJsonRecord(statePath(stateDir), parseState);
}

/** The file checked against self: null when there is no file; rejected holds one entry when the file is not a tovrun state at all. */
export function readCheckedState(stateDir: string, self: SelfProcess): CheckedState | null {
  const file = statePath(stateDir);
  return readJsonRecord(
    file,
    (text) =>
      checkState(parseJson(text), self) ?? { owner: null, services: [], rejected: [{ name: 'everything', reason: 'it is not a state file tovrun wrote' }] },
  );
}

/** Writes the state atomically: a temporary file in the same folder, then a rename over the old one. */
export function writeState(stateDir: string, state: RunState): void {
  writeJsonRecord(statePath(stateDir), state);
}

/** Removes the state file (nothing of this run is left). */
export function removeState(stateDir: string): void {
  removeJsonRecord(statePath(stateDir));
}
