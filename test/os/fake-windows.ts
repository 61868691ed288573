// A fake Windows process table behind a fake Host: PowerShell's Win32_Process list and identity queries answered from
// it, taskkill calls recorded and applied (console programs ignore a taskkill without /F, as on Windows).
import type { Host } from '../../src/os/host.js';
import { fakeHost } from './fake-host.js';

/** One fake Windows process; closes: whether a taskkill without /F ends it (a program with a window). */
export interface FakeWindowsProcess {
  pid: number;
  ppid: number;
  startTime: number;
  closes?: boolean;
}

/** A win32 Host over processes; taskkills lists each taskkill's arguments, sent each process.kill signal. */
export function windowsHost(
  processes: FakeWindowsProcess[],
  overrides: Partial<Host> = {},
): ReturnType<typeof fakeHost> & { table: Map<number, FakeWindowsProcess>; taskkills: string[][]; sent: [number, NodeJS.Signals][] } {
  const table = new Map(processes.map((process) => [process.pid, process]));
  const taskkills: string[][] = [];
  const sent: [number, NodeJS.Signals][] = [];
  const host = fakeHost({
    platform: 'win32',
    pid: 4242,
    // Node's process.kill on Windows: signal 0 tests for the process, SIGTERM/SIGINT/SIGKILL end it outright.
    signal: (pid, signal) => {
      const found = table.has(pid);
      if (signal !== 0) {
        sent.push([pid, signal]);
        table.delete(pid);
      }
      return found;
    },
    exec: async (file, args) => {
      if (file === 'taskkill') {
        taskkills.push(args);
        const forced = args.includes('/F');
        const pids = args.flatMap((arg, index) => (args[index - 1] === '/PID' ? [Number(arg)] : []));
        for (const pid of pids) if (forced || table.get(pid)?.closes) table.delete(pid);
        return { code: 0, stdout: '', stderr: '' };
      }
      const script = args.at(-1) ?? '';
      if (file !== 'powershell.exe') return { code: 1, stdout: '', stderr: 'not found' };
      if (script.startsWith('Get-CimInstance Win32_Process |')) {
        return {
          code: 0,
          stdout: [...table.values()].map((process) => `${process.pid} ${process.ppid} ${new Date(process.startTime).toISOString()}\r\n`).join(''),
          stderr: '',
        };
      }
      const pid = Number(/ProcessId=(\d+)/.exec(script)?.[1]);
      const process = table.get(pid);
      return { code: 0, stdout: process ? `${new Date(process.startTime).toISOString()}\r\nprogram ${pid}\r\n` : '', stderr: '' };
    },
    ...overrides,
  });
  return Object.assign(host, { table, taskkills, sent });
}
