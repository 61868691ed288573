import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { maxInstance } from '../../src/workspace/instance.js';
import { claimsDir, worktreeInstance, worktreePlace } from '../../src/workspace/worktree-instance.js';

const git = (cwd: string, args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd, stdio: 'pipe' });

/** A repository with one commit, in a fresh folder; returns its main worktree and a function adding linked ones. */
function repository(): { main: string; add(name: string): string } {
  const base = mkdtempSync(path.join(tmpdir(), 'tovrun-worktree-'));
  const main = path.join(base, 'main');
  mkdirSync(main);
  git(main, ['init', '-q']);
  writeFileSync(path.join(main, 'README'), 'x\n');
  git(main, ['add', '.']);
  git(main, ['commit', '-q', '-m', 'one']);
  return {
    main,
    add(name) {
      const dir = path.join(base, name);
      git(main, ['worktree', 'add', '-q', '-b', name, dir]);
      return dir;
    },
  };
}

describe('worktreeInstance (instance: auto)', () => {
  it('is 0 outside git and in the main worktree (from a subfolder too)', () => {
    expect(worktreeInstance(mkdtempSync(path.join(tmpdir(), 'tovrun-nogit-')), true)).toBe(0);
    const { main } = repository();
    mkdirSync(path.join(main, 'app'));
    expect(worktreeInstance(path.join(main, 'app'), true)).toBe(0);
    expect(worktreePlace(main)).toEqual({ kind: 'main', top: main });
  });

  it('numbers linked worktrees from 1, keeps each number when others come and go, and reuses the number of a removed one', () => {
    const repo = repository();
    const [first, second] = [repo.add('first'), repo.add('second')];
    expect(worktreeInstance(first, true)).toBe(1);
    expect(worktreeInstance(second, true)).toBe(2);
    // Asked again (another command, another day): the same numbers.
    expect(worktreeInstance(second, true)).toBe(2);
    expect(worktreeInstance(first, true)).toBe(1);
    git(repo.main, ['worktree', 'remove', first]);
    expect(worktreeInstance(second, true)).toBe(2);
    const third = repo.add('third');
    expect(worktreeInstance(third, true)).toBe(1);
    expect(worktreeInstance(repo.main, true)).toBe(0);
  });

  it('writes nothing when asked read-only (the doctor), answering the number it would claim', () => {
    const repo = repository();
    const linked = repo.add('review');
    expect(worktreeInstance(linked, false)).toBe(1);
    const place = worktreePlace(linked);
    expect(place.kind).toBe('linked');
    if (place.kind !== 'linked') return;
    expect(existsSync(claimsDir(place.commonDir))).toBe(false);
    expect(worktreeInstance(linked, true)).toBe(1);
    expect(readdirSync(claimsDir(place.commonDir))).toEqual(['1']);
  });

  it('says how to go on when the claim cannot be written (a file where the claims folder goes)', () => {
    const repo = repository();
    const linked = repo.add('review');
    const place = worktreePlace(linked);
    if (place.kind !== 'linked') throw new Error('expected a linked worktree');
    writeFileSync(claimsDir(place.commonDir), '');
    expect(() => worktreeInstance(linked, true)).toThrow(ConfigError);
    expect(() => worktreeInstance(linked, true)).toThrow("instance: auto cannot record this worktree's instance number");
  });

  it('never takes over a claim another tovrun is writing at this moment (an empty claim file)', () => {
    const repo = repository();
    const linked = repo.add('review');
    const place = worktreePlace(linked);
    if (place.kind !== 'linked') throw new Error('expected a linked worktree');
    mkdirSync(claimsDir(place.commonDir));
    writeFileSync(path.join(claimsDir(place.commonDir), '1'), '');
    expect(worktreeInstance(linked, false)).toBe(2);
    expect(worktreeInstance(linked, true)).toBe(2);
  });

  it('treats a submodule-style .git file (no commondir) as its own main worktree', () => {
    const repo = repository();
    const modules = path.join(repo.main, '.git', 'modules', 'lib');
    mkdirSync(modules, { recursive: true });
    const lib = mkdtempSync(path.join(tmpdir(), 'tovrun-submodule-'));
    writeFileSync(path.join(lib, '.git'), `gitdir: ${modules}\n`);
    expect(worktreeInstance(lib, true)).toBe(0);
  });

  it('says how to free a number when every one is held by an existing worktree', () => {
    const repo = repository();
    for (let n = 1; n <= maxInstance; n++) expect(worktreeInstance(repo.add(`w${n}`), true)).toBe(n);
    const extra = repo.add('extra');
    expect(() => worktreeInstance(extra, true)).toThrow(ConfigError);
    expect(() => worktreeInstance(extra, true)).toThrow(`no free instance number for this worktree: other worktrees hold 1 to ${maxInstance}`);
  });
});
