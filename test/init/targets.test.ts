import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyInit } from '../../src/init/apply.js';
import { planInit } from '../../src/init/plan.js';
import { configError } from '../support/config-error.js';
import { copyFixture, realReader } from './support.js';

const tovplay = { preset: 'tovplay' };

/** The names in a folder, sorted (links listed, never followed). */
const names = (dir: string) => readdirSync(dir).sort();

/** The ConfigError applying init's plan in root throws. */
const initError = (root: string) => configError(() => applyInit(planInit(root, tovplay, realReader)));

describe('init refuses to write through links', () => {
  it('refuses a dangling .env link, naming it, and writes nothing', () => {
    const root = copyFixture('tovplay-layout');
    symlinkSync(path.join(root, 'nowhere'), path.join(root, '.env'));
    const before = names(root);
    const error = initError(root);
    expect(error.message).toContain('.env is a symbolic link to');
    expect(error.message).toContain('which does not exist');
    expect(error.location?.file).toBe(path.join(root, '.env'));
    expect(names(root)).toEqual(before);
  });

  it('refuses a .gitignore that links out of the workspace, leaving the outside file and the workspace as they were', () => {
    const root = copyFixture('plain-node');
    const outside = mkdtempSync(path.join(tmpdir(), 'tovrun-init-outside-'));
    writeFileSync(path.join(outside, 'gitignore'), 'mine\n');
    symlinkSync(path.join(outside, 'gitignore'), path.join(root, '.gitignore'));
    const before = names(root);
    expect(initError(root).message).toContain('.gitignore is a symbolic link to');
    expect(readFileSync(path.join(outside, 'gitignore'), 'utf8')).toBe('mine\n');
    expect(names(root)).toEqual(before);
  });

  it('refuses an infra folder that links out of the workspace and copies nothing into it', () => {
    const root = copyFixture('tovplay-layout');
    const outside = mkdtempSync(path.join(tmpdir(), 'tovrun-init-outside-'));
    symlinkSync(outside, path.join(root, 'infra'));
    const error = initError(root);
    expect(error.message).toMatch(/^infra is a symbolic link to .*, outside the workspace/);
    expect(error.hint).toContain('real folder');
    expect(names(outside)).toEqual([]);
  });

  it('refuses to append to a .gitignore that is a folder', () => {
    const root = copyFixture('plain-node');
    mkdirSync(path.join(root, '.gitignore'));
    expect(initError(root).message).toBe('.gitignore is a folder; tovrun init appends lines to it and wrote nothing.');
  });

  it('refuses to copy a .env.template that is a FIFO to .env (the copy would wait for a writer forever)', { timeout: 10_000 }, () => {
    const root = copyFixture('tovplay-layout');
    execFileSync('mkfifo', [path.join(root, '.env.template')]);
    expect(initError(root).message).toContain('.env.template is not a regular file');
    expect(names(root)).not.toContain('.env');
  });

  it('writes through a link that stays inside the workspace', () => {
    const root = copyFixture('plain-node');
    writeFileSync(path.join(root, 'ignore-list'), 'node_modules/\n');
    symlinkSync('ignore-list', path.join(root, '.gitignore'));
    applyInit(planInit(root, tovplay, realReader));
    expect(readFileSync(path.join(root, 'ignore-list'), 'utf8')).toContain('.tovrun/');
  });
});
