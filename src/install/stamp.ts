/** Stamps: per service, the fingerprint of its last successful install, under .tovrun/stamps/, written atomically. */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fingerprintKey, type Fingerprint } from './fingerprint.js';

/** A stamp file's content. */
export interface Stamp {
  service: string;
  installedAt: string;
  fingerprint: Fingerprint;
}

/** The stamp file of a service inside the workspace's state folder. */
export function stampFile(stateDir: string, service: string): string {
  return path.join(stateDir, 'stamps', `${service.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

/** The stamp in file, or undefined when it is missing or unreadable (then the service is installed again). */
export async function readStamp(file: string): Promise<Stamp | undefined> {
  try {
    const stamp = JSON.parse(await readFile(file, 'utf8')) as Partial<Stamp>;
    return stamp.fingerprint && typeof stamp.service === 'string' ? (stamp as Stamp) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a stamp records exactly this fingerprint. */
export function stampMatches(stamp: Stamp | undefined, fingerprint: Fingerprint): boolean {
  return stamp !== undefined && fingerprintKey(stamp.fingerprint) === fingerprintKey(fingerprint);
}

/** Writes the stamp to a temporary file beside it and renames it into place, so a stamp is whole or absent. */
export async function writeStamp(file: string, service: string, fingerprint: Fingerprint, now: Date = new Date()): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const stamp: Stamp = { service, installedAt: now.toISOString(), fingerprint };
  await writeFile(temporary, `${JSON.stringify(stamp, null, 2)}\n`);
  await rename(temporary, file);
}

/** Removes a stamp before an install starts, so an interrupted install is redone next time. */
export async function removeStamp(file: string): Promise<void> {
  await rm(file, { force: true });
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
