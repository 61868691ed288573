// A lock that test files take before using fixed ports (TovPlay's 5001 and 3000), so files that run in parallel take
// turns instead of failing on a busy port.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { portIsFree } from './processes.js';

/** Waits (up to timeoutMs) until no other test process holds the named lock, takes it, and returns its release. */
export async function takePortLock(name: string, timeoutMs = 600_000): Promise<() => void> {
  const dir = path.join(tmpdir(), `tovrun-test-lock-${name}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(dir);
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than the timeout belongs to a test run that died: take it over.
      const heldSince = statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - heldSince > timeoutMs) rmSync(dir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`the test lock ${dir} is still held after ${timeoutMs / 1000} s`);
      await sleep(250);
    }
  }
}

/** TovPlay's ports, which the demo binds. */
export const demoPorts = [5001, 3000];

/** Takes the TovPlay ports' lock and fails the test unless 5001 and 3000 are free; returns the lock's release. */
export async function lockDemoPorts(): Promise<() => void> {
  const release = await takePortLock('tovplay-ports');
  for (const port of demoPorts) {
    if (!(await portIsFree(port))) {
      release();
      throw new Error(`port ${port} must be free for the demo's ports test`);
    }
  }
  return release;
}
