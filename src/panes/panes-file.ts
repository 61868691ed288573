/** .tovrun/panes.json: the tmux panes (and session) a running tovrun opened, so `tovrun down` can close them after a crash. */
import path from 'node:path';
import { parseJson, readJsonRecord, removeJsonRecord, writeJsonRecord } from '../files/json-state.js';
import type { TmuxServer } from './tmux/tmux-command.js';

/** What tovrun opened in tmux. */
export interface PanesRecord {
  version: 1;
  /** The tovrun that opened them. */
  ownerPid: number;
  server: TmuxServer;
  /** The session tovrun created (closed as a whole), or null when it split a window of the user's. */
  session: string | null;
  /** The panes it opened (ids like %3). */
  panes: string[];
}

/** The record's path inside a workspace's .tovrun folder. */
export function panesFilePath(stateDir: string): string {
  return path.join(stateDir, 'panes.json');
}

function isServer(value: unknown): value is TmuxServer {
  if (typeof value !== 'object' || value === null) return false;
  const server = value as Record<string, unknown>;
  return typeof server.socketPath === 'string' || typeof server.socketName === 'string';
}

/** The record in text, or null when it is not one tovrun wrote. */
function parsePanesRecord(text: string): PanesRecord | null {
  const value = (parseJson(text) ?? {}) as Record<string, unknown>;
  const { version, ownerPid, server, session, panes } = value;
  if (version !== 1 || typeof ownerPid !== 'number' || !isServer(server) || (session !== null && typeof session !== 'string')) return null;
  if (!Array.isArray(panes) || !panes.every((pane) => typeof pane === 'string')) return null;
  return { version, ownerPid, server, session, panes };
}

/** The record, or null when there is none (or it is not one tovrun wrote). */
export function readPanesFile(stateDir: string): PanesRecord | null {
  return readJsonRecord(panesFilePath(stateDir), parsePanesRecord);
}

/** Writes the record atomically. */
export function writePanesFile(stateDir: string, record: PanesRecord): void {
  writeJsonRecord(panesFilePath(stateDir), record);
}

/** Removes the record. */
export function removePanesFile(stateDir: string): void {
  removeJsonRecord(panesFilePath(stateDir));
}
