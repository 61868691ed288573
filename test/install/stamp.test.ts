import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileStatKey } from '../../src/files/file-stat.js';
import { type Fingerprint, fingerprintKey, hashFiles, settledFileStats } from '../../src/install/fingerprint.js';
import {
  knownHashes,
  readStamp,
  refreshStampStats,
  removeStamp,
  staleReason,
  stampFile,
  stampFileStats,
  stampMatches,
  writeStamp,
} from '../../src/install/stamp.js';
import { tempDir, writeFiles } from './support/temp-dir.js';

const fingerprint: Fingerprint = { files: { 'backend/requirements.txt': 'sha256:aa' }, tools: { python: '3.11.7' }, flags: ['venv=backend/venv'] };

describe('stamps', () => {
  it('live under .tovrun/stamps/<service>.json', () => {
    expect(stampFile('/w/.tovrun', 'backend')).toBe(path.join('/w/.tovrun', 'stamps', 'backend.json'));
    expect(stampFile('/w/.tovrun', 'a/b c')).toBe(path.join('/w/.tovrun', 'stamps', 'a_b_c.json'));
  });

  it('are written atomically (no temporary file left) and read back', async () => {
    const file = stampFile(tempDir(), 'backend');
    await writeStamp(file, 'backend', fingerprint, new Date('2026-01-02T03:04:05Z'));
    expect(readdirSync(path.dirname(file))).toEqual(['backend.json']);
    expect(await readStamp(file)).toEqual({ service: 'backend', installedAt: '2026-01-02T03:04:05.000Z', fingerprint });
    await removeStamp(file);
    expect(await readStamp(file)).toBeUndefined();
  });

  it('read as absent when unreadable, so the service is installed again', async () => {
    const file = path.join(tempDir(), 'broken.json');
    writeFileSync(file, '{"service": "backend", "finger');
    expect(await readStamp(file)).toBeUndefined();
    writeFileSync(file, 'null');
    expect(await readStamp(file)).toBeUndefined();
  });

  it('leave no temporary file behind when the write fails', async () => {
    const file = stampFile(tempDir(), 'backend');
    mkdirSync(path.join(file, 'in-the-way'), { recursive: true });
    await expect(writeStamp(file, 'backend', fingerprint)).rejects.toThrow();
    expect(readdirSync(path.dirname(file))).toEqual(['backend.json']);
  });

  it('read as absent, at once, when a FIFO is in place of the stamp', { timeout: 5000 }, async () => {
    const file = stampFile(tempDir(), 'backend');
    mkdirSync(path.dirname(file), { recursive: true });
    execFileSync('mkfifo', [file]);
    expect(await readStamp(file)).toBeUndefined();
  });
});

describe('staleReason', () => {
  const stamp = { service: 'backend', installedAt: '', fingerprint };

  it('is undefined when the fingerprint matches, in any key order', () => {
    const reordered: Fingerprint = { flags: ['venv=backend/venv'], tools: { python: '3.11.7' }, files: { 'backend/requirements.txt': 'sha256:aa' } };
    expect(staleReason(stamp, reordered)).toBeUndefined();
    expect(stampMatches(stamp, reordered)).toBe(true);
    expect(fingerprintKey(reordered)).toBe(fingerprintKey(fingerprint));
  });

  it('names the changed file, tool or options', () => {
    expect(staleReason(undefined, fingerprint)).toBe('no install recorded yet');
    expect(staleReason(stamp, { ...fingerprint, files: { ...fingerprint.files, 'backend/base.txt': 'sha256:bb' } })).toBe('backend/base.txt changed');
    expect(staleReason(stamp, { ...fingerprint, tools: { python: '3.12.1' } })).toBe('python changed from 3.11.7 to 3.12.1');
    expect(staleReason(stamp, { ...fingerprint, flags: ['venv=.venv'] })).toBe('install options changed');
  });
});

describe('hashFiles', () => {
  it('hashes by content, keyed relative to the root, and marks missing files', () => {
    const root = writeFiles(tempDir(), { 'a/x.txt': 'one' });
    const hashes = hashFiles([path.join(root, 'a', 'x.txt'), path.join(root, 'gone.txt')], root);
    expect(hashes['a/x.txt']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hashes['gone.txt']).toBe('missing');
  });
});

describe('hashes reused while a file is unchanged', () => {
  it('reuses a known hash only while the stat is exactly the recorded one', () => {
    const root = writeFiles(tempDir(), { 'req.txt': 'flask\n' });
    const file = path.join(root, 'req.txt');
    const known = { stats: { 'req.txt': fileStatKey(file) ?? '' }, hashes: { 'req.txt': 'sha256:recorded' } };
    expect(hashFiles([file], root, known)['req.txt']).toBe('sha256:recorded');
    // Same size, and the modification time put back: the change time still differs, so the file is read again.
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'flusk\n');
    utimesSync(file, atime, mtime);
    expect(hashFiles([file], root, known)['req.txt']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hashFiles([file], root, { stats: {}, hashes: known.hashes })['req.txt']).not.toBe('sha256:recorded');
  });

  it('records only stats of files that changed more than 2 s ago', () => {
    const root = writeFiles(tempDir(), { 'req.txt': 'flask\n' });
    const file = path.join(root, 'req.txt');
    expect(settledFileStats([file, path.join(root, 'gone.txt')], root)).toEqual({});
    expect(settledFileStats([file, path.join(root, 'gone.txt')], root, Date.now() + 5_000)).toEqual({ 'req.txt': fileStatKey(file) });
  });

  it('are recorded in the stamp once settled, keeping the install time and fingerprint', async () => {
    const root = writeFiles(tempDir(), { 'req.txt': 'flask\n' });
    const file = path.join(root, 'req.txt');
    const stampPath = stampFile(path.join(root, '.tovrun'), 'backend');
    const print: Fingerprint = { files: hashFiles([file], root), tools: {}, flags: [] };
    await writeStamp(stampPath, 'backend', print, new Date('2026-01-02T03:04:05Z'), stampFileStats(print, root));
    const bare = await readStamp(stampPath);
    // Just written: not settled, so no stats are recorded and a refresh now writes nothing.
    expect(bare?.fileStats).toBeUndefined();
    await refreshStampStats(stampPath, bare!, root);
    expect(await readStamp(stampPath)).toEqual(bare);
    await refreshStampStats(stampPath, bare!, root, Date.now() + 5_000);
    const refreshed = await readStamp(stampPath);
    expect(refreshed).toEqual({ ...bare, fileStats: { 'req.txt': fileStatKey(file) } });
    expect(knownHashes(refreshed)).toEqual({ stats: { 'req.txt': fileStatKey(file) }, hashes: print.files });
  });
});
