import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintKey, hashFiles, type Fingerprint } from '../../src/install/fingerprint.js';
import { readStamp, removeStamp, stampFile, stampMatches, staleReason, writeStamp } from '../../src/install/stamp.js';
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
