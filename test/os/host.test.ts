import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { realHost } from '../../src/os/host.js';
import { tempDir } from '../supervisor/support.js';

const host = realHost();

describe('realHost', () => {
  it('runs a helper command and returns its exit code, stdout and stderr; env reaches it', async () => {
    const script = 'process.stdout.write(process.env.T14_VALUE ?? "unset"); process.stderr.write("said on stderr"); process.exit(3)';
    expect(await host.exec(process.execPath, ['-e', script], { env: { ...process.env, T14_VALUE: 'given' } })).toEqual({
      code: 3,
      stdout: 'given',
      stderr: 'said on stderr',
    });
    expect(await host.exec(process.execPath, ['-e', 'console.log("ok")'])).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
  });

  it('never throws for a command that cannot run: its code is null', async () => {
    expect(await host.exec('tovrun-no-such-command-t14', [])).toMatchObject({ code: null, stdout: '' });
  });

  it('reads a missing or unreadable file, a folder and a non-link as undefined, the one convention for "missing"', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'present.txt');
    writeFileSync(file, 'text\n');
    mkdirSync(path.join(dir, 'folder'));
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    expect(host.readText(file)).toBe('text\n');
    expect(host.readText(path.join(dir, 'missing'))).toBeUndefined();
    expect(host.readText(path.join(dir, 'folder'))).toBeUndefined();
    expect(await host.readLink(path.join(dir, 'dangling'))).toBe(path.join(dir, 'nowhere'));
    expect(await host.readLink(file)).toBeUndefined();
    expect(await host.exists(file)).toBe(true);
    expect(await host.exists(path.join(dir, 'folder'))).toBe(true);
    expect(await host.exists(path.join(dir, 'missing'))).toBe(false);
    expect(await host.exists(path.join(dir, 'dangling'))).toBe(false);
    expect(await host.listDir(path.join(dir, 'missing'))).toEqual([]);
  });

  it('sleeps, and ends a sleep early on abort', async () => {
    const start = Date.now();
    await host.sleep(30);
    expect(Date.now() - start).toBeGreaterThanOrEqual(25);
    const controller = new AbortController();
    const sleeping = host.sleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
  });

  it('signals: 0 probes a live pid, a pid that does not exist is false', () => {
    expect(host.signal(process.pid, 0)).toBe(true);
    expect(host.signal(2 ** 22 + 12_345, 0)).toBe(false);
    expect(host.pid).toBe(process.pid);
    expect(realHost('win32').platform).toBe('win32');
  });
});
