import { describe, expect, it } from 'vitest';
import { signalTree, startTreeKill, taskkillArgs, terminateTree } from '../../src/os/kill-tree.js';
import { eventually } from '../supervisor/support.js';
import { fakeHost } from './fake-host.js';

describe('stopping a process tree', () => {
  // Windows has no SIGTERM: Node's process.kill ends the process outright for SIGTERM, SIGINT and SIGKILL
  // (https://nodejs.org/api/process.html#signal-events). taskkill without /F asks each process of the tree to close,
  // /F ends them (https://learn.microsoft.com/windows-server/administration/windows-commands/taskkill).
  it('asks a Windows tree to close with taskkill /T first, and forces it with /T /F only after the grace period', async () => {
    expect(taskkillArgs(1234, false)).toEqual(['/T', '/PID', '1234']);
    expect(taskkillArgs(1234, true)).toEqual(['/T', '/F', '/PID', '1234']);
    const host = fakeHost({ platform: 'win32' });
    const started = Date.now();
    const result = await terminateTree(host, { pid: 1234, pgid: null }, { graceMs: 150, alive: async () => host.execCalls.length < 2 });
    expect(result).toBe('forced');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(host.execCalls).toEqual([
      ['taskkill', ['/T', '/PID', '1234']],
      ['taskkill', ['/T', '/F', '/PID', '1234']],
    ]);
    expect(host.signals).toEqual([]);
  });

  it('leaves it at the graceful request when the Windows tree closes within the grace period', async () => {
    const host = fakeHost({ platform: 'win32' });
    expect(await terminateTree(host, { pid: 77, pgid: null }, { graceMs: 5_000, alive: async () => host.execCalls.length === 0 })).toBe('graceful');
    expect(host.execCalls).toEqual([['taskkill', ['/T', '/PID', '77']]]);
    await signalTree(host, { pid: 77, pgid: null }, 'SIGKILL');
    expect(host.execCalls[1]).toEqual(['taskkill', ['/T', '/F', '/PID', '77']]);
  });

  it('asks for the root alone when taskkill /T fails (a process of the tree cannot be ended; Wine has no /T)', async () => {
    const host = fakeHost({
      platform: 'win32',
      exec: async (file, args) => {
        host.execCalls.push([file, args]);
        return args.includes('/T')
          ? { code: 1, stdout: '', stderr: 'Error: Unknown or invalid command line option specified.' }
          : { code: 0, stdout: '', stderr: '' };
      },
    });
    await signalTree(host, { pid: 320, pgid: null }, 'SIGKILL');
    await signalTree(host, { pid: 320, pgid: null }, 'SIGTERM');
    expect(host.execCalls).toEqual([
      ['taskkill', ['/T', '/F', '/PID', '320']],
      ['taskkill', ['/F', '/PID', '320']],
      ['taskkill', ['/T', '/PID', '320']],
      ['taskkill', ['/PID', '320']],
    ]);
  });

  it('starts an immediate kill that needs nothing more of the caller: the group SIGKILL on POSIX', () => {
    const host = fakeHost();
    startTreeKill(host, { pid: 42, pgid: 42 });
    expect(host.signals).toEqual([[-42, 'SIGKILL']]);
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
