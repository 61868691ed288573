// A Host with no effects, for platform-specific logic without that platform.
import { sleep } from '../../src/os/delay.js';
import type { Host } from '../../src/os/host.js';

/** A Host whose every effect is a recorded no-op unless overridden (exists asks readText); sleeping really waits. */
export function fakeHost(overrides: Partial<Host> = {}): Host & { execCalls: [string, string[]][]; signals: [number, NodeJS.Signals | 0][] } {
  const execCalls: [string, string[]][] = [];
  const signals: [number, NodeJS.Signals | 0][] = [];
  const host: Host & { execCalls: [string, string[]][]; signals: [number, NodeJS.Signals | 0][] } = {
    platform: 'linux',
    pid: 1,
    spawn: () => {
      throw new Error('fake host cannot spawn');
    },
    signal: (pid, signal) => {
      signals.push([pid, signal]);
      return true;
    },
    exec: async (file, args) => {
      execCalls.push([file, args]);
      return { code: 0, stdout: '', stderr: '' };
    },
    readText: () => undefined,
    exists: async (file) => host.readText(file) !== undefined,
    listDir: async () => [],
    readLink: async () => undefined,
    now: () => Date.now(),
    sleep,
    ...overrides,
    execCalls,
    signals,
  };
  return host;
}
