import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { configError } from '../support/config-error.js';
import { formatBytes, mebibyte, readFailure, readTextFile, readTextFileIfPresent } from '../../src/files/read-text.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-read-text-'));
const options = { label: '.env', maxBytes: mebibyte };

/** The ConfigError reading file throws. */
const readError = (file: string, limits = options) => configError(() => readTextFile(file, limits));

describe('readTextFile', () => {
  it('reads a regular file as UTF-8, a byte-order mark included', () => {
    const file = path.join(dir, 'plain');
    writeFileSync(file, '\uFEFFA=1\nB=é\n');
    expect(readTextFile(file, options)).toBe('\uFEFFA=1\nB=é\n');
  });

  it.runIf(process.platform === 'linux')('reads a file whose size the system reports as 0 to its end (/proc), within the cap', () => {
    const text = readTextFile('/proc/self/status', { label: 'status', maxBytes: mebibyte });
    expect(text).toMatch(/^Name:/);
    expect(text).toContain('\nPid:');
    expect(() => readTextFile('/proc/self/status', { label: 'status', maxBytes: 16 })).toThrow('status is larger than 16 bytes');
  });

  it('refuses a folder, naming the file and the fix', () => {
    const folder = path.join(dir, 'folder.env');
    mkdirSync(folder);
    const error = readError(folder);
    expect(error.message).toBe('.env is a folder, not a text file; tovrun reads it as text and will not open it.');
    expect(error.location?.file).toBe(folder);
    expect(error.hint).toContain('put a plain text file named .env in its place');
  });

  it('refuses a FIFO with no writer at once instead of waiting for one', { timeout: 5000 }, () => {
    const fifo = path.join(dir, 'fifo.env');
    execFileSync('mkfifo', [fifo]);
    expect(readError(fifo).message).toContain('.env is a named pipe (FIFO), not a text file');
  });

  it('refuses a link to /dev/zero instead of reading without end', { timeout: 5000 }, () => {
    const link = path.join(dir, 'zero.env');
    symlinkSync('/dev/zero', link);
    expect(readError(link).message).toContain('.env (a link to /dev/zero) is a device, not a text file');
  });

  it('refuses a file over its cap, saying the cap', () => {
    const big = path.join(dir, 'big.env');
    writeFileSync(big, 'x'.repeat(2049));
    expect(readError(big, { label: '.env', maxBytes: 2048 }).message).toBe('.env is larger than 2 KiB, the most tovrun reads from it.');
    expect(readTextFile(big, { label: '.env', maxBytes: 2049 })).toHaveLength(2049);
  });

  it('says a missing file or a dangling link does not exist; readTextFileIfPresent reads both as undefined', () => {
    const dangling = path.join(dir, 'dangling.env');
    symlinkSync(path.join(dir, 'nowhere'), dangling);
    expect(readError(dangling).message).toContain('.env does not exist');
    expect(readTextFileIfPresent(dangling, options)).toBeUndefined();
    expect(readTextFileIfPresent(path.join(dir, 'missing'), options)).toBeUndefined();
    expect(() => readTextFileIfPresent(path.join(dir, 'folder.env'), options)).toThrow(ConfigError);
  });

  it('says a link loop is one', () => {
    const loop = path.join(dir, 'loop.env');
    symlinkSync(loop, loop);
    expect(readError(loop).message).toContain('points back to itself');
  });

  it('turns permission and other file-system errors into one paragraph with the fix', () => {
    const denied = readFailure('/w/.env', '.env', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    expect(denied.message).toBe('.env cannot be read: permission denied.');
    expect(denied.hint).toContain('chmod u+r .env');
    expect(denied.location?.file).toBe('/w/.env');
    expect(denied.exitCode).toBe(2);
    expect(readFailure('/w/.env', '.env', Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })).message).toBe('.env cannot be read (EIO).');
  });

  it.runIf(process.getuid?.() !== 0)('refuses a file the user may not read', () => {
    const locked = path.join(dir, 'locked.env');
    writeFileSync(locked, 'A=1\n', { mode: 0o000 });
    expect(readError(locked).message).toBe('.env cannot be read: permission denied.');
  });

  it('formats sizes as users read them', () => {
    expect([formatBytes(mebibyte), formatBytes(8 * mebibyte), formatBytes(2048), formatBytes(100)]).toEqual(['1 MiB', '8 MiB', '2 KiB', '100 bytes']);
  });
});
