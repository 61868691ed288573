import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStateDir, realStateDirProbe, type StateDirProbe } from '../../src/files/state-dir.js';
import { configError } from '../support/config-error.js';

const root = mkdtempSync(path.join(tmpdir(), 'tovrun-state-dir-'));

/** The ConfigError checkStateDir throws for stateDir. */
const stateDirError = (stateDir: string, probe?: StateDirProbe) => configError(() => checkStateDir(stateDir, probe));

describe('checkStateDir', () => {
  it('accepts a writable folder and a missing one in a writable workspace, creating nothing', () => {
    const workspace = path.join(root, 'fine');
    mkdirSync(workspace);
    expect(() => checkStateDir(path.join(workspace, '.tovrun'))).not.toThrow();
    expect(realStateDirProbe.stat(path.join(workspace, '.tovrun'))).toBeUndefined();
    mkdirSync(path.join(workspace, '.tovrun'));
    expect(() => checkStateDir(path.join(workspace, '.tovrun'))).not.toThrow();
  });

  it('refuses a .tovrun that is a regular file, naming it and the fix', () => {
    const workspace = path.join(root, 'file');
    mkdirSync(workspace);
    writeFileSync(path.join(workspace, '.tovrun'), 'not a folder');
    const error = stateDirError(path.join(workspace, '.tovrun'));
    expect(error.message).toBe('.tovrun is a file, not a folder; tovrun keeps its run state, install stamps and logs there.');
    expect(error.hint).toContain('mv .tovrun .tovrun.old');
    expect(error.location?.file).toBe(path.join(workspace, '.tovrun'));
  });

  it('refuses a .tovrun folder, or a workspace to create it in, that the user cannot write to', () => {
    const folder = statSync(root);
    const readOnly: StateDirProbe = { stat: (file) => (file.endsWith('.tovrun') ? folder : undefined), writable: () => false };
    expect(stateDirError('/w/.tovrun', readOnly).message).toBe('.tovrun/ is not writable by you; tovrun keeps its run state, install stamps and logs there.');
    const missing: StateDirProbe = { stat: () => undefined, writable: (dir) => dir !== '/w' };
    expect(stateDirError('/w/.tovrun', missing).message).toContain('.tovrun/ cannot be created: the workspace folder is not writable by you');
  });
});
