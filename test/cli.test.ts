import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, withDefaultCommand } from '../src/cli.js';
import { memoryContext } from './support/memory-context.js';

/** A workspace whose one service writes a file named "started" when it runs (and then exits). */
function markerWorkspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tovrun-cli-'));
  writeFileSync(
    path.join(root, 'tovrun.yaml'),
    `preset: none\nservices:\n  marker:\n    type: command\n    command: [${JSON.stringify(process.execPath)}, -e, "require('fs').writeFileSync('started', '')"]\n`,
  );
  return root;
}

describe('cli', () => {
  it('prints help with every command and an Examples section', async () => {
    const ctx = memoryContext(process.cwd());
    expect(await main(['--help'], ctx)).toBe(0);
    for (const command of ['up', 'check', 'install', 'demo', 'init', 'down', 'logs', 'env']) expect(ctx.stdout.text()).toContain(`  ${command}`);
    expect(ctx.stdout.text()).toContain('Examples:');
  });

  it('prints the package version', async () => {
    const ctx = memoryContext(process.cwd());
    expect(await main(['--version'], ctx)).toBe(0);
    expect(ctx.stdout.text().trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 with a suggestion for an unknown command, and 2 for an unknown flag', async () => {
    const ctx = memoryContext(process.cwd());
    expect(await main(['chek'], ctx)).toBe(2);
    expect(ctx.stderr.text()).toContain('Did you mean check?');
    expect(await main(['--frobnicate'], memoryContext(process.cwd()))).toBe(2);
  });

  it('runs up when no command is given', () => {
    expect(withDefaultCommand([])).toEqual(['up']);
    expect(withDefaultCommand(['-p', 'local-db'])).toEqual(['up', '-p', 'local-db']);
    expect(withDefaultCommand(['--help'])).toEqual(['--help']);
    expect(withDefaultCommand(['check'])).toEqual(['check']);
  });

  it('refuses the report flags without --check, and starts nothing', async () => {
    for (const flag of ['--json', '--strict', '--require-db']) {
      const root = markerWorkspace();
      const ctx = memoryContext(root);
      expect(await main([flag], ctx), flag).toBe(2);
      expect(ctx.stderr.text()).toBe(
        `tovrun: ${flag} goes with --check: run \`tovrun --check ${flag}\`.\n  Without --check, tovrun starts the services; --json, --strict and --require-db only shape the report of the read-only doctor.\n`,
      );
      expect(ctx.stdout.text()).toBe('');
      expect(existsSync(path.join(root, 'started')), flag).toBe(false);
    }
  });

  it('refuses the run flags with --check, which would ignore them', async () => {
    for (const flags of [['--backend'], ['--only', 'api'], ['--no-install'], ['--dry-run'], ['--panes', 'tmux'], ['--no-services']]) {
      const ctx = memoryContext(markerWorkspace());
      expect(await main(['--check', ...flags], ctx), flags.join(' ')).toBe(2);
      expect(ctx.stderr.text()).toMatch(new RegExp(`^tovrun: ${flags[0]} does not go with --check`));
    }
  });
});
