import { describe, expect, it } from 'vitest';
import { signalTree, taskkillArgs, terminateTree } from '../../src/os/kill-tree.js';
import { eventually } from '../supervisor/support.js';
import { fakeHost } from './fake-host.js';

describe('stopping a process tree', () => {
  it('ends a Windows tree with taskkill /T /F /PID', async () => {
    expect(taskkillArgs(1234)).toEqual(['/T', '/F', '/PID', '1234']);
    const host = fakeHost({ platform: 'win32' });
    await signalTree(host, { pid: 1234, pgid: null }, 'SIGTERM');
    expect(host.execCalls).toEqual([['taskkill', ['/T', '/F', '/PID', '1234']]]);
    expect(host.signals).toEqual([]);
  });

  it('signals the whole POSIX process group, then SIGKILLs it when the grace period passes', async () => {
    const host = fakeHost();
    const result = await terminateTree(host, { pid: 42, pgid: 42 }, { graceMs: 60, alive: async () => host.signals.length < 2 });
    expect(result).toBe('forced');
    expect(host.signals).toEqual([
      [-42, 'SIGTERM'],
      [-42, 'SIGKILL'],
    ]);
  });

  it('stops waiting and kills at once when forced', async () => {
    const host = fakeHost();
    const force = new AbortController();
    const stopping = terminateTree(host, { pid: 7, pgid: 7 }, { graceMs: 120_000, force: force.signal, alive: async () => host.signals.length < 2 });
    await eventually(() => host.signals.length === 1);
    force.abort();
    expect(await stopping).toBe('forced');
    expect(host.signals.map(([, signal]) => signal)).toEqual(['SIGTERM', 'SIGKILL']);
  });

  it('does nothing for a tree that is already gone, and reports a graceful exit', async () => {
    const host = fakeHost();
    expect(await terminateTree(host, { pid: 9, pgid: 9 }, { graceMs: 100, alive: async () => false })).toBe('gone');
    const alive = [true, false];
    expect(await terminateTree(host, { pid: 9, pgid: 9 }, { graceMs: 10_000, alive: async () => alive.shift() ?? false })).toBe('graceful');
    expect(host.signals).toEqual([[-9, 'SIGTERM']]);
  });
});
