import { describe, expect, it } from 'vitest';
import { osDisplayName, platformFor } from '../../src/platform/platform.js';

describe('platformFor', () => {
  it('gives Windows backslash paths and ; as the PATH delimiter, whatever the host', () => {
    const windows = platformFor('win32');
    expect(windows.isWindows).toBe(true);
    expect(windows.path.join('C:\\w', 'venv')).toBe('C:\\w\\venv');
    expect(windows.path.delimiter).toBe(';');
  });

  it('gives POSIX paths elsewhere', () => {
    const linux = platformFor('linux');
    expect(linux.isWindows).toBe(false);
    expect(linux.path.join('/w', 'venv')).toBe('/w/venv');
    expect(linux.path.delimiter).toBe(':');
  });

  it('names the operating system for messages', () => {
    expect(osDisplayName(platformFor('win32'))).toBe('Windows');
    expect(osDisplayName(platformFor('darwin'))).toBe('macOS');
    expect(osDisplayName(platformFor('linux'))).toBe('Linux');
    expect(osDisplayName(platformFor('freebsd'))).toBe('freebsd');
  });
});
