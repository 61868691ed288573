import { describe, expect, it } from 'vitest';
import { FailedError } from '../../src/errors.js';
import { installWorkspace } from '../../src/install/install-workspace.js';
import type { InstallObserver } from '../../src/os/install-observer.js';
import { memoryContext } from '../support/memory-context.js';
import { fakeTools, fakeWorkspace } from './support/fake-workspace.js';

const context = (cwd: string) => memoryContext(cwd, { env: { PATH: '' } });

/** An observer recording what it is told, one string per call. */
function recorder(): InstallObserver & { events: string[]; reported: string[] } {
  const events: string[] = [];
  const reported: string[] = [];
  return {
    events,
    reported,
    upToDate: (name) => events.push(`${name} up to date`),
    started: (name, reason) => events.push(`${name} started (${reason})`),
    line: (name, text) => events.push(`${name}: ${text}`),
    finished: (name, status, lines) => events.push(`${name} ${status}${lines.length ? `: ${lines.join(' / ')}` : ''}`),
    report: (lines) => reported.push(...lines),
  };
}

describe('installWorkspace with an observer (the terminal UI)', () => {
  it('tells the observer each start, line and end, and writes nothing to the terminal', async () => {
    const workspace = fakeWorkspace();
    const ctx = context(workspace.root);
    const observer = recorder();
    await installWorkspace(ctx, workspace, { reinstall: false, runner: fakeTools(), observer });
    expect(observer.events[0]).toMatch(/^backend started \(/);
    expect(observer.events).toContain('backend installed');
    expect(observer.events).toContain('frontend installed');
    expect(observer.events.filter((event) => event.startsWith('backend: ')).length).toBeGreaterThan(0);
    expect(ctx.stdout.text()).toBe('');
    expect(ctx.stderr.text()).toBe('');
    const again = recorder();
    await installWorkspace(ctx, workspace, { reinstall: false, runner: fakeTools(), observer: again });
    expect(again.events).toEqual(['backend up to date', 'frontend up to date']);
    expect(ctx.stdout.text()).toBe('');
  });

  it('gives a failure its report lines (message, tail, hint) and the report, and still throws exit 1', async () => {
    const workspace = fakeWorkspace();
    const ctx = context(workspace.root);
    const observer = recorder();
    const error = await installWorkspace(ctx, workspace, { reinstall: false, runner: fakeTools({ pipFails: true }), observer }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FailedError);
    expect((error as FailedError).message).toBe('install failed for backend (frontend installed).');
    const failed = observer.events.find((event) => event.startsWith('backend failed: '));
    expect(failed).toContain('backend | ERROR: No matching distribution found for nope');
    expect(failed).toContain('backend: hint:');
    expect(observer.reported).toContain('backend | ERROR: No matching distribution found for nope');
    expect(ctx.stderr.text()).toBe('');
  });
});
