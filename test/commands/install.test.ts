import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { runInstallCommand } from '../../src/commands/install.js';
import { tempDir, writeFiles } from '../install/support/temp-dir.js';
import { memoryContext } from '../support/memory-context.js';

describe('tovrun install', () => {
  it('says there is nothing to install when the workspace has no python or node service', async () => {
    const root = writeFiles(tempDir(), { 'tovrun.yaml': 'preset: none\n' });
    const ctx = memoryContext(root);
    expect(await runInstallCommand(ctx, { reinstall: false })).toBe(0);
    expect(ctx.stdout.text()).toBe('Nothing to install: no python or node services.\n');
  });

  it('exits 1 naming each service that cannot be installed and how to fix it', async () => {
    const root = writeFiles(tempDir(), { '.env.template': 'A=1\n', 'backend/app.py': '', 'frontend/index.html': '' });
    const ctx = memoryContext(root);
    expect(await main(['install'], ctx)).toBe(1);
    const stderr = ctx.stderr.text();
    expect(stderr).toContain('backend: requirements file backend/requirements.txt not found.');
    expect(stderr).toContain('backend: hint: Create it, or set services.backend.requirements');
    expect(stderr).toContain('frontend: no package.json in frontend.');
    expect(stderr).toContain('tovrun: install failed for backend, frontend.');
    expect(stderr).not.toContain('    at ');
  });

  it('exits 2 outside a workspace', async () => {
    const ctx = memoryContext(tempDir());
    expect(await main(['install'], ctx)).toBe(2);
    expect(ctx.stderr.text()).toContain('no tovrun workspace found');
  });
});
