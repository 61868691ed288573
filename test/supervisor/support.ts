// Shared helpers for supervisor tests: fixture paths, launch specs, an in-memory sink, free ports, polling.
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputStream } from '../../src/os/launcher.js';
import type { ServiceOutputSink } from '../../src/os/output-sink.js';
import type { LaunchSpec } from '../../src/plan/launch-spec.js';
import { Supervisor, type SupervisorEvent } from '../../src/supervisor/index.js';

/** The absolute path of a fixture script in test/fixtures/procs/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/procs/${name}`, import.meta.url));
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'tovrun-sup-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A LaunchSpec running a fixture with node; no probe and no restart unless overridden. */
export function nodeLaunch(name: string, script: string, args: string[] = [], overrides: Partial<LaunchSpec> = {}): LaunchSpec {
  return {
    name,
    file: process.execPath,
    args: [fixture(script), ...args],
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '' },
    port: null,
    probe: { kind: 'none' },
    probeFallback: null,
    restart: { policy: 'no', maxRetries: 0, backoffMs: 0, crashLimit: 100, crashWindowMs: 60_000 },
    ...overrides,
  };
}

/** A sink that keeps every line and notice in memory. */
export class MemorySink implements ServiceOutputSink {
  readonly printed: { service: string; stream: OutputStream; text: string }[] = [];
  /** The blocks of lines given to lines(), as given. */
  readonly blocks: string[] = [];
  readonly notices: { service: string; text: string }[] = [];

  lines(service: string, stream: OutputStream, block: string): void {
    this.blocks.push(block);
    for (const text of block.split('\n')) this.line(service, stream, text);
  }

  line(service: string, stream: OutputStream, text: string): void {
    this.printed.push({ service, stream, text });
  }

  notice(service: string, text: string): void {
    this.notices.push({ service, text });
  }

  whenWritable(): undefined {
    return undefined;
  }

  async close(): Promise<void> {}

  /** The texts one service printed. */
  textsOf(service: string): string[] {
    return this.printed.filter((line) => line.service === service).map((line) => line.text);
  }
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until check returns a value other than undefined/false, or fails after timeoutMs (a generous deadline). */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether a pid runs (zombies do not count). */
export { isProcessAlive } from '../../src/os/process-table.js';

/** A Host whose every effect is a recorded no-op unless overridden. */
export { fakeHost } from '../os/fake-host.js';

/** Supervisors a test created, for its afterEach to force-stop. */
export const runningSupervisors: Supervisor[] = [];

/** Force-stops every supervisor trackedSupervisor made; call it from afterEach. */
export async function stopTrackedSupervisors(): Promise<void> {
  await Promise.all(runningSupervisors.splice(0).map((each) => each.forceStop()));
}

/** A Supervisor on a fresh state folder with a memory sink, recording its events; stopped by stopTrackedSupervisors. */
export function trackedSupervisor(): { supervisor: Supervisor; events: SupervisorEvent[]; sink: MemorySink } {
  const events: SupervisorEvent[] = [];
  const sink = new MemorySink();
  const created = new Supervisor({ stateDir: tempDir(), shutdownTimeoutMs: 1_000, sink, onEvent: (event) => events.push(event) });
  runningSupervisors.push(created);
  return { supervisor: created, events, sink };
}
