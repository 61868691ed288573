/** Stamps: per service, the fingerprint of its last successful install, under .tovrun/stamps/, written atomically. */
import path from 'node:path';
import { parseJsonObject, readJsonRecord, removeJsonRecord, writeJsonRecord } from '../files/json-state.js';
import { type Fingerprint, fingerprintKey, type KnownHashes, settledFileStats } from './fingerprint.js';

/** A stamp file's content. */
export interface Stamp {
  service: string;
  installedAt: string;
  fingerprint: Fingerprint;
  /** Stat keys of the fingerprint's files whose hashes may be reused while the stat is unchanged (see settledFileStats). */
  fileStats?: Record<string, string>;
}

/** The stamp file of a service inside the workspace's state folder. */
export function stampFile(stateDir: string, service: string): string {
  return path.join(stateDir, 'stamps', `${service.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

function parseStamp(text: string): Stamp | null {
  const stamp = parseJsonObject(text) as Partial<Stamp> | null;
  return stamp?.fingerprint && typeof stamp.service === 'string' ? (stamp as Stamp) : null;
}

/** The stamp in file, or undefined when it is missing or unreadable, or not a file (then the service is installed again). */
export async function readStamp(file: string): Promise<Stamp | undefined> {
  return readJsonRecord(file, parseStamp) ?? undefined;
}

/** Whether a stamp records exactly this fingerprint. */
export function stampMatches(stamp: Stamp | undefined, fingerprint: Fingerprint): boolean {
  return stamp !== undefined && fingerprintKey(stamp.fingerprint) === fingerprintKey(fingerprint);
}

/** The hashes a stamp recorded, for hashFiles to reuse where a file's stat is unchanged. */
export function knownHashes(stamp: Stamp | undefined): KnownHashes | undefined {
  return stamp && { stats: stamp.fileStats ?? {}, hashes: stamp.fingerprint.files };
}

/** The stats of a fingerprint's files (its keys are paths relative to root) that may be recorded now (see settledFileStats). */
export function stampFileStats(fingerprint: Fingerprint, root: string, now: number = Date.now()): Record<string, string> {
  return settledFileStats(
    Object.keys(fingerprint.files).map((file) => path.join(root, file)),
    root,
    now,
  );
}

/** Writes the stamp (with fileStats when any) atomically, so a stamp is whole or absent and a failed write leaves no temporary file. */
export async function writeStamp(
  file: string,
  service: string,
  fingerprint: Fingerprint,
  now: Date = new Date(),
  fileStats: Record<string, string> = {},
): Promise<void> {
  const stamp: Stamp = { service, installedAt: now.toISOString(), fingerprint, ...(Object.keys(fileStats).length > 0 ? { fileStats } : {}) };
  writeJsonRecord(file, stamp);
}

/**
 * After a stamp was found up to date: records the stats of its files that settled since it was written (npm rewrites
 * package-lock.json just before the stamp), so the next run reuses their hashes instead of reading the files.
 */
export async function refreshStampStats(file: string, stamp: Stamp, root: string, now: number = Date.now()): Promise<void> {
  const fileStats = stampFileStats(stamp.fingerprint, root, now);
  const recorded = stamp.fileStats ?? {};
  const same = Object.keys(fileStats).length === Object.keys(recorded).length && Object.entries(fileStats).every(([name, stat]) => recorded[name] === stat);
  // Best effort: a stamp that cannot be rewritten only costs the next run the hashing.
  if (!same) await writeStamp(file, stamp.service, stamp.fingerprint, new Date(stamp.installedAt), fileStats).catch(() => undefined);
}

/**
 * Why an install is due by the stamp in file (undefined when it records this fingerprint); fingerprint is computed
 * reusing the stamp's hashes for unchanged files. When up to date and not readOnly, newly settled stats are recorded.
 */
export async function stampStaleReason(
  file: string,
  fingerprint: (known: KnownHashes | undefined) => Fingerprint,
  root: string,
  readOnly: boolean,
): Promise<string | undefined> {
  const saved = await readStamp(file);
  const reason = staleReason(saved, fingerprint(knownHashes(saved)));
  if (reason === undefined && saved && !readOnly) await refreshStampStats(file, saved, root);
  return reason;
}

/** Removes a stamp before an install starts, so an interrupted install is redone next time. */
export async function removeStamp(file: string): Promise<void> {
  removeJsonRecord(file);
}

/** Why an install is due, in words ("backend/requirements.txt changed"); undefined when the stamp records this fingerprint. */
export function staleReason(stamp: Stamp | undefined, fingerprint: Fingerprint): string | undefined {
  if (stamp === undefined) return 'no install recorded yet';
  if (stampMatches(stamp, fingerprint)) return undefined;
  const saved = stamp.fingerprint;
  const files = [...new Set([...Object.keys(fingerprint.files), ...Object.keys(saved.files)])];
  const changedFile = files.find((file) => saved.files[file] !== fingerprint.files[file]);
  if (changedFile !== undefined) return `${changedFile} changed`;
  const changedTool = Object.keys(fingerprint.tools).find((tool) => saved.tools[tool] !== fingerprint.tools[tool]);
  if (changedTool !== undefined) return `${changedTool} changed from ${saved.tools[changedTool] ?? 'unknown'} to ${fingerprint.tools[changedTool]}`;
  return 'install options changed';
}
