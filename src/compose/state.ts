/** .tovrun/compose.json: the compose services tovrun started in a workspace, so exits stop them and `down` removes them. */
import path from 'node:path';
import { parseJsonObject, readJsonRecord, removeJsonRecord, writeJsonRecord } from '../files/json-state.js';
import type { ProcessIdentity } from '../os/process-table.js';
import type { ComposeProject } from '../plan/compose.js';
import { composeServiceNamePattern } from './compose-model.js';

/** The tovrun run that is using the services now. */
export interface ComposeOwner extends ProcessIdentity {
  pid: number;
  /** Whether that run leaves its services running at exit (--keep). */
  keep: boolean;
}

/** The engine the containers live on: its URL and what docker and compose need to reach it (a context's DOCKER_HOST, TLS files). */
export interface RecordedEngine {
  url: string;
  env: Record<string, string>;
}

/** What the file records. */
export interface ComposeState {
  version: 1;
  /** The project as it was started (file, name, env file, profiles), to address it again from `tovrun down`. */
  project: ComposeProject;
  /** Services tovrun started (running or stopped) and has not removed yet. */
  services: string[];
  /** The run using them now; null once it exited. */
  owner: ComposeOwner | null;
  /** The engine they live on, so `tovrun down` reaches it whatever DOCKER_HOST says then; absent in files of older tovruns. */
  engine?: RecordedEngine;
}

/** The file's path inside a workspace's .tovrun folder (beside state.json). */
export function composeStatePath(stateDir: string): string {
  return path.join(stateDir, 'compose.json');
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function isProject(value: unknown): value is ComposeProject {
  const record = (value ?? {}) as Record<string, unknown>;
  return (
    typeof record.file === 'string' &&
    typeof record.name === 'string' &&
    (record.envFile === null || typeof record.envFile === 'string') &&
    isStringArray(record.profiles)
  );
}

const isServiceNames = (value: unknown): value is string[] => isStringArray(value) && value.every((name) => composeServiceNamePattern.test(name));

function isOwner(value: unknown): value is ComposeOwner {
  const record = (value ?? {}) as Record<string, unknown>;
  return (
    Number.isSafeInteger(record.pid) &&
    (record.pid as number) > 1 &&
    typeof record.keep === 'boolean' &&
    (record.startTime === null || typeof record.startTime === 'number') &&
    (record.commandLine === null || typeof record.commandLine === 'string')
  );
}

const engineVariables = new Set(['DOCKER_HOST', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY']);

function isEngine(value: unknown): value is RecordedEngine {
  const record = (value ?? {}) as Record<string, unknown>;
  const env = (record.env ?? null) as Record<string, unknown> | null;
  return (
    typeof record.url === 'string' &&
    record.url !== '' &&
    env !== null &&
    typeof env === 'object' &&
    Object.entries(env).every(([key, item]) => engineVariables.has(key) && typeof item === 'string')
  );
}

/** Parses the file's text; null when it is not a compose state tovrun wrote (service names compose would not accept, an owner pid that is not above 1). */
export function parseComposeState(text: string): ComposeState | null {
  const state = parseJsonObject(text) ?? {};
  if (state.version !== 1 || !isProject(state.project) || !isServiceNames(state.services)) return null;
  if (state.owner !== null && !isOwner(state.owner)) return null;
  if (state.engine !== undefined && !isEngine(state.engine)) return null;
  return { version: 1, project: state.project, services: state.services, owner: state.owner, ...(state.engine === undefined ? {} : { engine: state.engine }) };
}

/** The recorded state, or null when there is none (or it is unreadable). */
export function readComposeState(stateDir: string): ComposeState | null {
  return readJsonRecord(composeStatePath(stateDir), parseComposeState);
}

/** Writes the state atomically (temporary file, then rename). */
export function writeComposeState(stateDir: string, state: ComposeState): void {
  writeJsonRecord(composeStatePath(stateDir), state);
}

/** The environment that reaches a recorded engine: its DOCKER_HOST (over any DOCKER_CONTEXT) and TLS files. */
export function recordedEngineEnv(engine: RecordedEngine): Record<string, string | undefined> {
  return { DOCKER_CONTEXT: undefined, DOCKER_HOST: engine.url, ...engine.env };
}

/** Removes the file (every recorded service was removed). */
export function removeComposeState(stateDir: string): void {
  removeJsonRecord(composeStatePath(stateDir));
}
