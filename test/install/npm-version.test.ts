import { describe, expect, it } from 'vitest';
import { installedNpmVersion, type NpmInstallFiles } from '../../src/install/npm-version.js';
import { platformFor } from '../../src/platform/platform.js';

function files(links: Record<string, string>, texts: Record<string, string>): NpmInstallFiles {
  return { isFile: (file) => file in links, realpath: (file) => links[file] ?? file, readText: (file) => texts[file] };
}

describe('installedNpmVersion', () => {
  it('follows the npm symlink to npm-cli.js and reads the package.json above it (POSIX)', () => {
    const fake = files({ '/usr/bin/npm': '/usr/lib/node_modules/npm/bin/npm-cli.js' }, { '/usr/lib/node_modules/npm/package.json': '{"name":"npm","version":"11.2.0"}' });
    expect(installedNpmVersion({ PATH: '/usr/local/bin:/usr/bin' }, platformFor('linux'), fake)).toBe('11.2.0');
  });

  it('reads node_modules\\npm\\package.json beside npm.cmd (Windows)', () => {
    const fake = files({ 'C:\\nodejs\\npm.cmd': 'C:\\nodejs\\npm.cmd' }, { 'C:\\nodejs\\node_modules\\npm\\package.json': '{"name":"npm","version":"10.9.2"}' });
    expect(installedNpmVersion({ Path: 'C:\\Windows;C:\\nodejs' }, platformFor('win32'), fake)).toBe('10.9.2');
  });

  it('is undefined for a shim it cannot see through, or another package.json', () => {
    const shim = files({ '/home/u/.volta/bin/npm': '/home/u/.volta/bin/volta-shim' }, { '/home/u/.volta/package.json': '{"name":"volta-home"}' });
    expect(installedNpmVersion({ PATH: '/home/u/.volta/bin' }, platformFor('linux'), shim)).toBeUndefined();
    expect(installedNpmVersion({ PATH: '' }, platformFor('linux'), shim)).toBeUndefined();
  });
});
