import { describe, expect, it } from 'vitest';
import { controlSocketPath, isNamedPipe, maxSocketPathBytes, rootHash } from '../../src/control/socket-path.js';

const base = { platform: 'linux' as const, tmpDir: '/tmp', uid: 1000 };

describe('controlSocketPath', () => {
  it('puts the socket in a private folder under .tovrun when the path fits', () => {
    expect(controlSocketPath({ ...base, root: '/home/me/web', stateDir: '/home/me/web/.tovrun' })).toBe('/home/me/web/.tovrun/control/tovrun.sock');
  });

  it('falls back to a short path in the temp folder, keyed by user and a hash of the root, when sun_path would overflow', () => {
    const root = `/home/me/${'very-long-folder-name/'.repeat(5)}web`;
    const socket = controlSocketPath({ ...base, root, stateDir: `${root}/.tovrun` });
    expect(socket).toBe(`/tmp/tovrun-1000/${rootHash(root, 'linux')}.sock`);
    expect(Buffer.byteLength(socket)).toBeLessThanOrEqual(maxSocketPathBytes);
  });

  it('counts bytes, not characters (a non-ASCII folder fills sun_path faster)', () => {
    const root = `/home/me/${'é'.repeat(40)}`;
    expect(root.length + '/.tovrun/control/tovrun.sock'.length).toBeLessThanOrEqual(maxSocketPathBytes);
    expect(controlSocketPath({ ...base, root, stateDir: `${root}/.tovrun` })).toMatch(/^\/tmp\/tovrun-1000\/[0-9a-f]{16}\.sock$/);
  });

  it('uses /tmp when even the temp folder is too long', () => {
    const tmpDir = `/var/folders/${'x'.repeat(100)}/T`;
    const root = `/r/${'y'.repeat(100)}`;
    expect(controlSocketPath({ ...base, tmpDir, root, stateDir: `${root}/.tovrun` })).toBe(`/tmp/tovrun-1000/${rootHash(root, 'linux')}.sock`);
  });

  it('uses a named pipe keyed by the case-folded root on Windows', () => {
    const socket = controlSocketPath({ ...base, platform: 'win32', uid: null, root: 'C:\\Users\\Me\\Web', stateDir: 'C:\\Users\\Me\\Web\\.tovrun' });
    expect(socket).toBe(`\\\\.\\pipe\\tovrun-${rootHash('c:\\users\\me\\web', 'win32')}`);
    expect(isNamedPipe(socket)).toBe(true);
    expect(isNamedPipe('/home/me/web/.tovrun/control/tovrun.sock')).toBe(false);
  });

  it('gives different workspaces different hashes', () => {
    expect(rootHash('/a', 'linux')).not.toBe(rootHash('/b', 'linux'));
    expect(rootHash('/a', 'linux')).toMatch(/^[0-9a-f]{16}$/);
  });
});
