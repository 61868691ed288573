/**
 * `instance: auto`: the instance number of a git worktree. The main worktree (a `.git` folder) is 0. A linked worktree
 * (a `.git` file naming .git/worktrees/<name>) gets the lowest number from 1 that no other existing worktree holds,
 * claimed once in <common git dir>/tovrun-instances/<n> (the file holds <name>) and kept for the worktree's life: the
 * number stays when other worktrees come and go, and a claim whose worktree is gone (`git worktree remove`/`prune`)
 * is taken over. Claims are created exclusively, so two worktrees starting at once never get the same number.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { maxInstance } from './instance.js';

/** Where a workspace sits in git: not in a repository, the main worktree, or a linked worktree with its admin folder. */
export type WorktreePlace = { kind: 'none' } | { kind: 'main'; top: string } | { kind: 'linked'; top: string; gitDir: string; commonDir: string };

/** The `.git` nearest above dir (dir included), or null. */
function findDotGit(dir: string): string | null {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, '.git');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return null;
  }
}

/** What kind of worktree holds dir, read from the `.git` entry (no git process). */
export function worktreePlace(dir: string): WorktreePlace {
  const dotGit = findDotGit(dir);
  if (dotGit === null) return { kind: 'none' };
  const top = path.dirname(dotGit);
  if (statSync(dotGit).isDirectory()) return { kind: 'main', top };
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
  if (pointer === undefined) return { kind: 'main', top };
  const gitDir = path.resolve(top, pointer);
  const commonFile = path.join(gitDir, 'commondir');
  // A submodule's .git file points at .git/modules/<name>, which has no commondir: it is its own main worktree.
  if (!existsSync(commonFile)) return { kind: 'main', top };
  return { kind: 'linked', top, gitDir, commonDir: path.resolve(gitDir, readFileSync(commonFile, 'utf8').trim()) };
}

/** The folder of claims in the common git dir. */
export function claimsDir(commonDir: string): string {
  return path.join(commonDir, 'tovrun-instances');
}

/** Each claimed number and the worktree (admin folder name) holding it. */
function readClaims(commonDir: string): Map<number, string> {
  const claims = new Map<number, string>();
  let names: string[];
  try {
    names = readdirSync(claimsDir(commonDir));
  } catch {
    return claims;
  }
  for (const name of names) {
    if (!/^[1-9]\d*$/.test(name)) continue;
    try {
      claims.set(Number(name), readFileSync(path.join(claimsDir(commonDir), name), 'utf8').trim());
    } catch {
      // a claim being written by another tovrun: read as taken below
      claims.set(Number(name), '');
    }
  }
  return claims;
}

/** Whether a claim is live: its worktree still exists, or it is being written (empty) by another tovrun right now. */
function claimIsLive(commonDir: string, holder: string): boolean {
  return holder === '' || existsSync(path.join(commonDir, 'worktrees', holder));
}

/** A ConfigError for a claim that cannot be written (a read-only .git, a file where the claims folder goes). */
function cannotClaim(commonDir: string, error: unknown): ConfigError {
  return new ConfigError(`instance: auto cannot record this worktree's instance number: ${(error as Error).message}.`, {
    file: claimsDir(commonDir),
    hint: "Make the repository's .git folder writable by you, or pass --instance <n> (or set TOVRUN_INSTANCE) to choose the number yourself.",
    cause: error,
  });
}

/** Takes number n for name; false when another worktree has it (a live claim, or one created in between). */
function claim(commonDir: string, n: number, name: string, holder: string | undefined): boolean {
  const file = path.join(claimsDir(commonDir), String(n));
  if (holder !== undefined) {
    if (claimIsLive(commonDir, holder)) return false;
    rmSync(file, { force: true });
  }
  try {
    mkdirSync(claimsDir(commonDir), { recursive: true });
  } catch (error) {
    throw cannotClaim(commonDir, error);
  }
  try {
    writeFileSync(file, `${name}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw cannotClaim(commonDir, error);
  }
}

/**
 * The instance number of the worktree holding dir: 0 outside git and for the main worktree, else its claimed number.
 * write: claim a number when the worktree has none (false for the read-only doctor: it answers the number it would claim).
 */
export function worktreeInstance(dir: string, write: boolean): number {
  const place = worktreePlace(dir);
  if (place.kind !== 'linked') return 0;
  const name = path.basename(place.gitDir);
  const claims = readClaims(place.commonDir);
  for (const [n, holder] of claims) if (holder === name && n <= maxInstance) return n;
  for (let n = 1; n <= maxInstance; n++) {
    const holder = claims.get(n);
    if (!write) {
      if (holder === undefined || !claimIsLive(place.commonDir, holder)) return n;
      continue;
    }
    if (claim(place.commonDir, n, name, holder)) return n;
  }
  throw new ConfigError(`instance: auto found no free instance number for this worktree: other worktrees hold 1 to ${maxInstance}.`, {
    file: claimsDir(place.commonDir),
    hint: 'Remove worktrees you no longer use (`git worktree remove`, `git worktree prune`), or pass --instance <n> to choose one.',
  });
}
