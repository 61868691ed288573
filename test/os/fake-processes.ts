// A fake Linux process table behind a fake Host: /proc files for identity and groups, and signals recorded (never sent).
import type { Host } from '../../src/os/host.js';
import { fakeHost } from './fake-host.js';

/** One fake process. */
export interface FakeProcess {
  pid: number;
  pgid: number;
  /** Start time in ms since the epoch (a multiple of 10 after bootMs). */
  startTime: number;
  commandLine: string;
}

/** The boot time of the fake machine. */
export const bootMs = 1_700_000_000_000;

function statText(process: FakeProcess): string {
  const ticks = (process.startTime - bootMs) / 10;
  return `${process.pid} (${process.commandLine.split(' ')[0]}) S 1 ${process.pgid} ${Array(16).fill('0').join(' ')} ${ticks} 0 0\n`;
}

/** A fake Host (Linux unless overridden) running processes: signal 0 probes them, any other signal is recorded and kills its targets. */
export function processHost(
  processes: FakeProcess[],
  overrides: Partial<Host> = {},
): ReturnType<typeof fakeHost> & { table: Map<number, FakeProcess>; sent: [number, NodeJS.Signals][] } {
  const table = new Map(processes.map((process) => [process.pid, process]));
  const sent: [number, NodeJS.Signals][] = [];
  const targets = (pid: number) =>
    [...table.values()].filter((process) =>
      pid === -1 ? true : pid === 0 ? process.pgid === table.get(host.pid)?.pgid : pid < 0 ? process.pgid === -pid : process.pid === pid,
    );
  const host = fakeHost({
    pid: 4242,
    signal: (pid, signal) => {
      const hit = targets(pid);
      if (signal !== 0) {
        sent.push([pid, signal]);
        for (const process of hit) table.delete(process.pid);
      }
      return hit.length > 0;
    },
    readText: (file) => {
      if (file === '/proc/stat') return `cpu 1 2 3\nbtime ${bootMs / 1000}\n`;
      if (file === '/proc/self/stat') return 'self';
      const match = /^\/proc\/(\d+)\/(stat|cmdline)$/.exec(file);
      const process = match ? table.get(Number(match[1])) : undefined;
      if (!match || !process) return undefined;
      return match[2] === 'stat' ? statText(process) : `${process.commandLine.split(' ').join('\0')}\0`;
    },
    listDir: async (dir) => (dir === '/proc' ? ['self', 'stat', ...[...table.keys()].map(String)] : []),
    ...overrides,
  });
  return Object.assign(host, { table, sent });
}
