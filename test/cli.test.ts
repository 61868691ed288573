import { describe, expect, it } from 'vitest';
import { main, withDefaultCommand } from '../src/cli.js';
import { memoryContext } from './support/memory-context.js';

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
});
