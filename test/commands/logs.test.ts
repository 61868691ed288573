import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLogsCommand } from '../../src/commands/logs.js';
import { UsageError } from '../../src/errors.js';
import { eventually, tempDir } from '../supervisor/support.js';
import { memoryContext } from '../support/memory-context.js';

function workspace(logs: Record<string, string>): string {
  const root = tempDir('tovrun-logs-');
  writeFileSync(path.join(root, '.env.template'), 'A=1\n');
  mkdirSync(path.join(root, '.tovrun', 'logs'), { recursive: true });
  for (const [service, text] of Object.entries(logs)) writeFileSync(path.join(root, '.tovrun', 'logs', `${service}.log`), text);
  return root;
}

describe('tovrun logs', () => {
  it("prints one service's log as it is", async () => {
    const ctx = memoryContext(workspace({ backend: 'one\ntwo\n', frontend: 'vite\n' }));
    expect(await runLogsCommand(ctx, { service: 'backend', follow: false })).toBe(0);
    expect(ctx.stdout.text()).toBe('one\ntwo\n');
  });

  it('prints every log with labels when no service is named, including services outside the workspace', async () => {
    const ctx = memoryContext(workspace({ backend: 'one\n', frontend: 'vite\n', worker: 'job\n' }));
    expect(await runLogsCommand(ctx, { service: undefined, follow: false })).toBe(0);
    expect(ctx.stdout.text()).toBe('backend  | one\nfrontend | vite\nworker   | job\n');
  });

  it("lists a previous run's log under its service, and prints it with --previous", async () => {
    const ctx = memoryContext(workspace({ backend: 'now\n', 'backend.previous': 'before\n', 'worker.previous': 'old job\n' }));
    expect(await runLogsCommand(ctx, { service: undefined, follow: false })).toBe(0);
    expect(ctx.stdout.text()).toBe('backend  | now\n');
    const previous = memoryContext(ctx.cwd);
    expect(await runLogsCommand(previous, { service: undefined, follow: false, previous: true })).toBe(0);
    expect(previous.stdout.text()).toBe('backend | before\nworker  | old job\n');
    const one = memoryContext(ctx.cwd);
    expect(await runLogsCommand(one, { service: 'worker', follow: false, previous: true })).toBe(0);
    expect(one.stdout.text()).toBe('old job\n');
  });

  it('says there is no previous log yet, and refuses --previous with --follow', async () => {
    const ctx = memoryContext(workspace({ backend: 'now\n' }));
    expect(await runLogsCommand(ctx, { service: 'backend', follow: false, previous: true })).toBe(0);
    expect(ctx.stdout.text()).toMatch(/^no logs from a previous run for backend/);
    await expect(runLogsCommand(ctx, { service: undefined, follow: true, previous: true })).rejects.toBeInstanceOf(UsageError);
  });

  it('rejects an unknown service, listing the known ones', async () => {
    const ctx = memoryContext(workspace({ worker: 'job\n' }));
    const error = await runLogsCommand(ctx, { service: 'db', follow: false }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).hint).toBe('Known services: backend, frontend, worker.');
  });

  it('says so when there are no logs yet', async () => {
    const ctx = memoryContext(workspace({}));
    expect(await runLogsCommand(ctx, { service: 'backend', follow: false })).toBe(0);
    expect(ctx.stdout.text()).toMatch(/^no logs yet for backend/);
  });

  it('follows new lines until stopped', async () => {
    const root = workspace({ backend: 'old\n' });
    const ctx = memoryContext(root);
    const until = new AbortController();
    const following = runLogsCommand(ctx, { service: undefined, follow: true, until: until.signal });
    await eventually(() => ctx.stdout.text().includes('old'));
    appendFileSync(path.join(root, '.tovrun', 'logs', 'backend.log'), 'new\n');
    writeFileSync(path.join(root, '.tovrun', 'logs', 'frontend.log'), 'later\n');
    await eventually(() => ctx.stdout.text().includes('frontend | later'));
    until.abort();
    expect(await following).toBe(0);
    expect(ctx.stdout.text()).toBe('backend  | old\nbackend  | new\nfrontend | later\n');
  });
});
