import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { formatBytes, mebibyte, readFailure, readText } from '../../src/files/read-text.js';
import { configError } from '../support/config-error.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-read-text-'));
const options = { label: '.env', maxBytes: mebibyte };

/** The ConfigError reading file throws. */
const readError = (file: string, limits = options) => configError(() => readText(file, limits));

describe('readText', () => {
  it('reads a regular file as UTF-8, a byte-order mark included', () => {
    const file = path.join(dir, 'plain');
    writeFileSync(file, '\uFEFFA=1\nB=é\n');
    expect(readText(file, options)).toBe('\uFEFFA=1\nB=é\n');
  });

  it.runIf(process.platform === 'linux')('reads a file whose size the system reports as 0 to its end (/proc), within the cap', () => {
    const text = readText('/proc/self/status', { label: 'status', maxBytes: mebibyte });
    expect(text).toMatch(/^Name:/);
    expect(text).toContain('\nPid:');
    expect(() => readText('/proc/self/status', { label: 'status', maxBytes: 16 })).toThrow('status is larger than 16 bytes');
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
    expect(readText(big, { label: '.env', maxBytes: 2049 })).toHaveLength(2049);
  });

  it('reads a missing file or a dangling link as undefined, with limits or without (readFailure still words ENOENT for a caller that needs the file)', () => {
    const dangling = path.join(dir, 'dangling.env');
    symlinkSync(path.join(dir, 'nowhere'), dangling);
    expect(readText(dangling, options)).toBeUndefined();
    expect(readText(path.join(dir, 'missing'), options)).toBeUndefined();
    expect(readText(path.join(dir, 'missing'))).toBeUndefined();
    expect(readFailure('/w/.env', '.env', Object.assign(new Error('ENOENT'), { code: 'ENOENT' })).message).toContain('.env does not exist');
  });

  it('without limits, reads anything else that is no readable text file as undefined too (a best-effort read)', () => {
    expect(() => readText(path.join(dir, 'folder.env'), options)).toThrow(ConfigError);
    expect(readText(path.join(dir, 'folder.env'))).toBeUndefined();
    expect(readText(path.join(dir, 'plain'))).toBe('\uFEFFA=1\nB=é\n');
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
