/**
 * tovrun.yaml as parsed and validated on an earlier run, reused while its text and this tovrun (its package.json, its
 * schema and this module's build) are unchanged: a warm run then never loads the YAML parser (~30 ms and ~9 MB).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { statKey } from '../files/file-stat.js';
import { parseJsonObject, readJsonRecord, writeJsonRecord } from '../files/json-state.js';
import { packageRoot, templatePath } from '../paths.js';
import type { RawConfig } from './raw-config.js';

/** Whether a run may write what it parsed (`remember`) or only use what an earlier run wrote (`recall`: the read-only doctor). */
export type ConfigMemory = 'remember' | 'recall';

interface CachedConfig {
  tovrun: string;
  text: string;
  config: RawConfig;
}

/** The file remembering the last parse of a workspace's tovrun.yaml. */
export function configCacheFile(stateDir: string): string {
  return path.join(stateDir, 'config-cache.json');
}

/** This tovrun as it parses and validates: the statKey of its package.json, its tovrun.yaml schema and this module (throws when one is missing). */
export function tovrunIdentity(
  files: readonly string[] = [path.join(packageRoot, 'package.json'), templatePath('tovrun.schema.json'), fileURLToPath(import.meta.url)],
): string {
  return files.map((file) => statKey(statSync(file))).join('|');
}

function parseRecord(text: string): CachedConfig | null {
  const value = parseJsonObject(text) as Partial<CachedConfig> | null;
  return value && typeof value.tovrun === 'string' && typeof value.text === 'string' && typeof value.config === 'object' && value.config !== null
    ? (value as CachedConfig)
    : null;
}

/** The config parsed from exactly this text by this tovrun, when remembered; undefined otherwise. */
export function recallConfig(stateDir: string, text: string, tovrun: string): RawConfig | undefined {
  const record = readJsonRecord(configCacheFile(stateDir), parseRecord);
  return record && record.tovrun === tovrun && record.text === text ? record.config : undefined;
}

/**
 * Remembers a successful parse (atomically, best effort), only in an existing state folder (a run that keeps no state leaves no
 * cache) and only when the config survives JSON unchanged.
 */
export function rememberConfig(stateDir: string, text: string, tovrun: string, config: RawConfig): void {
  try {
    if (!statSync(stateDir).isDirectory()) return;
  } catch {
    return;
  }
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(config)), config)) return;
  try {
    writeJsonRecord(configCacheFile(stateDir), { tovrun, text, config } satisfies CachedConfig);
  } catch {
    // Best effort: a state folder tovrun cannot write to only costs the next run a parse.
  }
}
