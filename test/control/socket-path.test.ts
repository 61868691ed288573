import { describe, expect, it } from 'vitest';
import { controlSocketPath, currentUserName, isNamedPipe, maxSocketPathBytes, rootHash, userHash } from '../../src/control/socket-path.js';

const base = { platform: 'linux' as const, tmpDir: '/tmp', uid: 1000, user: 'me' };

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

  it('uses a named pipe keyed by the user and the case-folded root on Windows', () => {
    const socket = controlSocketPath({ ...base, platform: 'win32', uid: null, root: 'C:\\Users\\Me\\Web', stateDir: 'C:\\Users\\Me\\Web\\.tovrun' });
    expect(socket).toBe(`\\\\.\\pipe\\tovrun-${userHash('me')}-${rootHash('c:\\users\\me\\web', 'win32')}`);
    expect(isNamedPipe(socket)).toBe(true);
    expect(isNamedPipe('/home/me/web/.tovrun/control/tovrun.sock')).toBe(false);
  });

  // Named pipes share one namespace for the whole machine ("\\.\pipe\name", Microsoft: "Pipe Names",
  // https://learn.microsoft.com/windows/win32/ipc/pipe-names), and libuv creates the first instance with
  // FILE_FLAG_FIRST_PIPE_INSTANCE, so a second user's tovrun at the same checkout path would get EADDRINUSE.
  it('gives two users of the same checkout path different pipes on Windows, whatever the case of their names', () => {
    const windows = { ...base, platform: 'win32' as const, uid: null, root: 'F:\\TovPlay', stateDir: 'F:\\TovPlay\\.tovrun' };
    const alice = controlSocketPath({ ...windows, user: 'alice' });
    expect(controlSocketPath({ ...windows, user: 'bob' })).not.toBe(alice);
    expect(controlSocketPath({ ...windows, user: 'ALICE' })).toBe(alice);
    expect(alice).toMatch(/^\\\\\.\\pipe\\tovrun-[0-9a-f]{8}-[0-9a-f]{16}$/);
  });

  // Instances of one checkout share its root, so the root hash alone would name one pipe for both; the pipe namespace
  // is machine-wide ("\\.\pipe\name", Microsoft: "Pipe Names", https://learn.microsoft.com/windows/win32/ipc/pipe-names)
  // and Node listens on a pipe path as on a socket path (Node: "Identifying paths for IPC connections",
  // https://nodejs.org/api/net.html#identifying-paths-for-ipc-connections), where a second listener gets EADDRINUSE.
  it("gives each instance of one checkout its own pipe on Windows and its own fallback socket on POSIX; instance 0's is today's", () => {
    const windows = { ...base, platform: 'win32' as const, uid: null, root: 'F:\\TovPlay', stateDir: 'F:\\TovPlay\\.tovrun' };
    const zero = controlSocketPath(windows);
    expect(controlSocketPath({ ...windows, suffix: '' })).toBe(zero);
    const one = controlSocketPath({ ...windows, suffix: '-i1' });
    expect(one).toBe(`${zero}-i1`);
    expect(one).toMatch(/^\\\\\.\\pipe\\tovrun-[0-9a-f]{8}-[0-9a-f]{16}-i1$/);
    // Pipe names may hold any character but backslash, up to 256 characters (the same Microsoft page).
    expect(one.slice('\\\\.\\pipe\\'.length)).not.toContain('\\');
    expect(one.length).toBeLessThanOrEqual(256);
    const root = `/home/me/${'very-long-folder-name/'.repeat(5)}web`;
    const posix = { ...base, root, stateDir: `${root}/.tovrun/instances/1` };
    expect(controlSocketPath({ ...posix, suffix: '-i1' })).toBe(`/tmp/tovrun-1000/${rootHash(root, 'linux')}-i1.sock`);
    expect(controlSocketPath({ ...base, root: '/w', stateDir: '/w/.tovrun/instances/1', suffix: '-i1' })).toBe('/w/.tovrun/instances/1/control/tovrun.sock');
  });

  it("reads the user's name, or null when the account has none", () => {
    expect(currentUserName(() => ({ username: 'alice' }))).toBe('alice');
    expect(currentUserName(() => ({ username: '' }))).toBeNull();
    expect(
      currentUserName(() => {
        throw new Error('uv_os_get_passwd returned ENOENT');
      }),
    ).toBeNull();
  });

  it('gives different workspaces different hashes', () => {
    expect(rootHash('/a', 'linux')).not.toBe(rootHash('/b', 'linux'));
    expect(rootHash('/a', 'linux')).toMatch(/^[0-9a-f]{16}$/);
  });
});
