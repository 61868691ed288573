/**
 * A venv's Python probe remembered under .tovrun/venv-probes/ and reused while its interpreter, its pyvenv.cfg and the
 * base Python's folder are unchanged on disk, sparing a Python start on every warm `tovrun` and `tovrun install`.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { statKey } from '../files/file-stat.js';
import { parseJsonObject, readJsonRecord, writeJsonRecord } from '../files/json-state.js';
import { type ReadText, readText } from '../files/read-text.js';
import type { Platform } from '../platform/platform.js';
import { venvConfigFile, venvPython } from '../platform/venv-layout.js';
import type { PythonProbe } from './python-probe.js';

/** What a remembered probe is valid for: the files behind the venv's interpreter as they were when it was probed. */
export interface InterpreterIdentity {
  /** The interpreter the venv's python resolves to (through the symlink on POSIX). */
  interpreter: string;
  interpreterStat: string;
  configStat: string;
  /** The base Python's folder (pyvenv.cfg `home`): it changes when that Python is removed or replaced. */
  home: string;
  homeStat: string;
}

/** The file system reads interpreterIdentity needs; injectable for tests. */
export interface IdentityFiles {
  realpath(file: string): string;
  /** statKey of a file or folder; throws when it is missing. */
  stat(file: string): string;
  readText: ReadText;
}

const realFiles: IdentityFiles = {
  realpath: (file) => realpathSync(file),
  stat: (file) => statKey(statSync(file)),
  readText,
};

/** The `home` of a pyvenv.cfg text, or undefined. */
export function venvHome(configText: string): string | undefined {
  const line = configText.split(/\r?\n/).find((text) => /^\s*home\s*=/i.test(text));
  const home = line?.slice(line.indexOf('=') + 1).trim();
  return home === '' ? undefined : home;
}

/** The identity of a venv's interpreter now; undefined when any part is missing (the venv must then be probed). */
export function interpreterIdentity(venv: string, platform: Platform, files: IdentityFiles = realFiles): InterpreterIdentity | undefined {
  try {
    const config = venvConfigFile(venv, platform);
    const configText = files.readText(config);
    const home = configText === undefined ? undefined : venvHome(configText);
    if (home === undefined) return undefined;
    const interpreter = files.realpath(venvPython(venv, platform));
    return { interpreter, interpreterStat: files.stat(interpreter), configStat: files.stat(config), home, homeStat: files.stat(home) };
  } catch {
    return undefined;
  }
}

/** The file remembering a service's venv probe. */
export function venvProbeFile(stateDir: string, service: string): string {
  return path.join(stateDir, 'venv-probes', `${service.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

interface ProbeRecord {
  identity: InterpreterIdentity;
  probe: Extract<PythonProbe, { ok: true }>;
}

function parseRecord(text: string): ProbeRecord | null {
  const value = parseJsonObject(text) as Partial<ProbeRecord> | null;
  const probe = value?.probe;
  if (!value?.identity || !probe || probe.ok !== true || !Array.isArray(probe.version) || typeof probe.executable !== 'string') return null;
  return value as ProbeRecord;
}

/** The remembered successful probe when identity is exactly what it was recorded with; undefined otherwise. */
export function rememberedProbe(file: string, identity: InterpreterIdentity): PythonProbe | undefined {
  const record = readJsonRecord(file, parseRecord);
  return record && JSON.stringify(record.identity) === JSON.stringify(identity) ? record.probe : undefined;
}

/** Remembers a successful probe for identity (atomically, best effort); failed probes are never remembered. */
export function rememberProbe(file: string, identity: InterpreterIdentity, probe: PythonProbe): void {
  if (!probe.ok) return;
  try {
    writeJsonRecord(file, { identity, probe } satisfies ProbeRecord);
  } catch {
    // A state folder tovrun cannot write to only costs the next run a probe.
  }
}
