import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnvText, readTemplateText, readTemplateTextIfPresent } from '../../src/env/files.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { configError } from '../support/config-error.js';
import { tempWorkspace } from './support/workspace.js';

describe('reading .env and .env.template', () => {
  it('reads both, and undefined for a missing .env or .env.template', () => {
    const root = tempWorkspace({ '.env.template': 'A=1\n' });
    const workspace = loadWorkspace(root, undefined, 'recall');
    expect(readTemplateText(workspace)).toBe('A=1\n');
    expect(readEnvText(workspace)).toBeUndefined();
    const bare = loadWorkspace(tempWorkspace({ 'tovrun.yaml': 'version: 1\n' }), undefined, 'recall');
    expect(readTemplateTextIfPresent(bare)).toBeUndefined();
    expect(configError(() => readTemplateText(bare)).message).toBe(`no .env.template in ${bare.root}.`);
  });

  it('names .env and .env.template when they are folders, instead of failing with EISDIR', () => {
    const root = tempWorkspace({ '.env.template': 'A=1\n' });
    mkdirSync(path.join(root, '.env'));
    const workspace = loadWorkspace(root, undefined, 'recall');
    const error = configError(() => readEnvText(workspace));
    expect(error.message).toBe('.env is a folder, not a text file; tovrun reads it as text and will not open it.');
    expect(error.location?.file).toBe(workspace.envFile);

    const templateFolder = tempWorkspace({ 'tovrun.yaml': 'version: 1\n' });
    mkdirSync(path.join(templateFolder, '.env.template'));
    expect(configError(() => readTemplateText(loadWorkspace(templateFolder, undefined, 'recall'))).message).toContain('.env.template is a folder');
  });

  it('refuses a .env FIFO without waiting for a writer, and a .env over 1 MiB', { timeout: 5000 }, () => {
    const root = tempWorkspace({ '.env.template': 'A=1\n' });
    execFileSync('mkfifo', [path.join(root, '.env')]);
    expect(configError(() => readEnvText(loadWorkspace(root, undefined, 'recall'))).message).toContain('.env is a named pipe (FIFO)');
    const big = tempWorkspace({ '.env.template': 'A=1\n' });
    writeFileSync(path.join(big, '.env'), `A=${'x'.repeat(1024 * 1024)}\n`);
    expect(configError(() => readEnvText(loadWorkspace(big, undefined, 'recall'))).message).toBe('.env is larger than 1 MiB, the most tovrun reads from it.');
  });
});
