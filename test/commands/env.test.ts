import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { runEnvCommand } from '../../src/commands/env.js';
import { tempDir, writeFiles } from '../install/support/temp-dir.js';
import { memoryContext } from '../support/memory-context.js';

function workspaceWithVenv(): string {
  return writeFiles(tempDir(), {
    'tovrun.yaml': 'version: 1\n',
    'backend/requirements.txt': 'flask\n',
    'backend/venv/pyvenv.cfg': '',
    'backend/venv/bin/python': '',
  });
}

describe('tovrun env', () => {
  it("prints the backend venv's activation for the shell asked for", async () => {
    const root = workspaceWithVenv();
    const venv = path.join(root, 'backend', 'venv');
    const ctx = memoryContext(path.join(root, 'backend'));
    expect(await runEnvCommand(ctx, { shell: 'fish' })).toBe(0);
    expect(ctx.stdout.text()).toBe(`set -gx VIRTUAL_ENV '${venv}'\nset -gx PATH '${venv}/bin' $PATH\nset -e PYTHONHOME\n`);
    expect(ctx.stderr.text()).toBe('');
  });

  it('guesses the shell from SHELL, and adds how to apply it on a terminal', async () => {
    const root = workspaceWithVenv();
    const ctx = memoryContext(root, { env: { SHELL: '/bin/zsh', PATH: '/usr/bin' } });
    Object.assign(ctx.stdout, { isTTY: true });
    expect(await runEnvCommand(ctx, { shell: undefined })).toBe(0);
    expect(ctx.stdout.text()).toContain(`export VIRTUAL_ENV='${path.join(root, 'backend', 'venv')}'`);
    expect(ctx.stderr.text()).toContain('eval "$(tovrun env)"');
  });

  it('exits 1 and suggests tovrun install when the venv does not exist yet', async () => {
    const root = writeFiles(tempDir(), { 'tovrun.yaml': 'version: 1\n', 'backend/requirements.txt': 'flask\n' });
    const ctx = memoryContext(root);
    expect(await main(['env', '--shell', 'bash'], ctx)).toBe(1);
    expect(ctx.stderr.text()).toContain('the backend venv backend/venv does not exist yet.');
    expect(ctx.stderr.text()).toContain('Run `tovrun install` to create it.');
    expect(ctx.stdout.text()).toBe('');
  });

  it('activates the Python service of a workspace where it is not called backend; the name backend gives no precedence', async () => {
    const yaml =
      'version: 1\npreset: none\nservices:\n  web:\n    type: node\n    dir: web\n    command: node server.js\n  api:\n    type: python\n    dir: api\n    command: python app.py\n  backend:\n    type: python\n    dir: tools\n    command: python tool.py\n';
    const root = writeFiles(tempDir(), {
      'tovrun.yaml': yaml,
      'web/server.js': '',
      'tools/requirements.txt': '',
      'tools/venv/pyvenv.cfg': '',
      'tools/venv/bin/python': '',
      'api/requirements.txt': 'flask\n',
      'api/venv/pyvenv.cfg': '',
      'api/venv/bin/python': '',
    });
    const venv = path.join(root, 'api', 'venv');
    const ctx = memoryContext(root);
    expect(await runEnvCommand(ctx, { shell: 'bash' })).toBe(0);
    expect(ctx.stdout.text()).toBe(`export VIRTUAL_ENV='${venv}'\nexport PATH='${venv}/bin'":$PATH"\nunset PYTHONHOME\n`);
  });

  it('exits 2 when the workspace has no python service', async () => {
    const ctx = memoryContext(writeFiles(tempDir(), { 'tovrun.yaml': 'preset: none\n' }));
    expect(await main(['env'], ctx)).toBe(2);
    expect(ctx.stderr.text()).toContain('no python service');
  });
});
