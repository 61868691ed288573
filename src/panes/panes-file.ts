/** .tovrun/panes.json: the tmux panes (and session) a running tovrun opened, so `tovrun down` can close them after a crash. */
import path from 'node:path';
import { parseJsonObject, readJsonRecord, removeJsonRecord, writeJsonRecord } from '../files/json-state.js';
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

/** A session name tovrun gives (tmuxSessionName): `down` never closes a session it could not have created. */
const isTovrunSession = (value: unknown) => typeof value === 'string' && /^tovrun-[A-Za-z0-9_-]+$/.test(value);
/** A tmux pane id (%3), not a target tmux would resolve some other way (a session, a window, a pattern). */
const isPaneId = (value: unknown) => typeof value === 'string' && /^%\d+$/.test(value);

/** The record in text, or null when it is not one tovrun wrote (a pid not above 1, a session or pane it does not create). */
export function parsePanesRecord(text: string): PanesRecord | null {
  const value = parseJsonObject(text) ?? {};
  const { version, ownerPid, server, session, panes } = value;
  if (version !== 1 || !Number.isSafeInteger(ownerPid) || (ownerPid as number) <= 1 || !isServer(server) || (session !== null && !isTovrunSession(session)))
    return null;
  if (!Array.isArray(panes) || !panes.every(isPaneId)) return null;
  return { version, ownerPid: ownerPid as number, server, session: session as string | null, panes: panes as string[] };
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
