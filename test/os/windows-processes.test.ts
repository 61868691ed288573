import { describe, expect, it } from 'vitest';
import { taskkillPidArgs } from '../../src/os/windows-kill.js';
import { listProcessLinks, liveDescendants, parseProcessLinks, stillRunning } from '../../src/os/windows-processes.js';
import { fakeHost } from './fake-host.js';

const t0 = Date.parse('2026-12-03T20:00:00Z');

describe('the Windows process table', () => {
  it('parses "pid ppid start" lines, with no start time for the System processes, and skips the rest', () => {
    const text = `0 0 -\r\n4 0 -\r\n2000 900 2026-12-03T20:00:00.1234560Z\r\nWARNING: something\r\n\r\n2100 2000 2026-12-03T20:00:01.0000000Z\r\n`;
    expect(parseProcessLinks(text)).toEqual([
      { pid: 0, ppid: 0, startTime: null },
      { pid: 4, ppid: 0, startTime: null },
      { pid: 2000, ppid: 900, startTime: t0 + 123 },
      { pid: 2100, ppid: 2000, startTime: t0 + 1_000 },
    ]);
  });

  it('reads it through PowerShell, and gives null when PowerShell fails or prints nothing', async () => {
    const ok = fakeHost({ platform: 'win32', exec: async () => ({ code: 0, stdout: '2000 900 2026-12-03T20:00:00Z\r\n', stderr: '' }) });
    expect(await listProcessLinks(ok)).toEqual([{ pid: 2000, ppid: 900, startTime: t0 }]);
    expect(await listProcessLinks(fakeHost({ platform: 'win32', exec: async () => ({ code: null, stdout: '', stderr: '' }) }))).toBeNull();
    expect(await listProcessLinks(fakeHost({ platform: 'win32' }))).toBeNull();
  });

  // A process keeps its creator's id as ParentProcessId after the creator exits, and ids are reused
  // (https://learn.microsoft.com/windows/win32/cimwin32prov/win32-process): a link proves a child only when the parent
  // is alive now and the child started after it.
  it('proves descendants of live processes by parent id and start order, grandchildren included', () => {
    const links = [
      { pid: 2000, ppid: 900, startTime: t0 },
      { pid: 2100, ppid: 2000, startTime: t0 + 1_000 },
      { pid: 2200, ppid: 2100, startTime: t0 + 2_000 },
      { pid: 2050, ppid: 2000, startTime: t0 - 1 },
      { pid: 2300, ppid: 2000, startTime: null },
      { pid: 2400, ppid: 2050, startTime: t0 + 5_000 },
    ];
    expect(liveDescendants(links, [{ pid: 2000, startTime: t0 }])).toEqual([
      { pid: 2100, startTime: t0 + 1_000 },
      { pid: 2200, startTime: t0 + 2_000 },
    ]);
    expect(liveDescendants(links, [{ pid: 2100, startTime: t0 + 1_000 }])).toEqual([{ pid: 2200, startTime: t0 + 2_000 }]);
  });

  it('finds a marked process only with its start time', () => {
    const links = [
      { pid: 2000, ppid: 900, startTime: t0 + 400 },
      { pid: 2100, ppid: 1, startTime: null },
    ];
    expect(stillRunning(links, { pid: 2000, startTime: t0 })).toEqual({ pid: 2000, startTime: t0 + 400 });
    expect(stillRunning(links, { pid: 2000, startTime: t0 - 60_000 })).toBeUndefined();
    expect(stillRunning(links, { pid: 2100, startTime: t0 })).toBeUndefined();
    expect(stillRunning(links, { pid: 2999, startTime: t0 })).toBeUndefined();
  });

  it('names each pid to taskkill on its own, /F only when forced', () => {
    expect(taskkillPidArgs([5, 6], false)).toEqual(['/PID', '5', '/PID', '6']);
    expect(taskkillPidArgs([5], true)).toEqual(['/F', '/PID', '5']);
  });
});
