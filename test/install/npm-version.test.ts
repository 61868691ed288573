import { describe, expect, it } from 'vitest';
import { installedNpmVersion, type NpmInstallFiles, pathNodeVersionIfRunning } from '../../src/install/npm-version.js';
import { platformFor } from '../../src/platform/platform.js';

function files(links: Record<string, string>, texts: Record<string, string>): NpmInstallFiles {
  return { isFile: (file) => file in links, realpath: (file) => links[file] ?? file, readText: (file) => texts[file] };
}

describe('installedNpmVersion', () => {
  it('follows the npm symlink to npm-cli.js and reads the package.json above it (POSIX)', () => {
    const fake = files(
      { '/usr/bin/npm': '/usr/lib/node_modules/npm/bin/npm-cli.js' },
      { '/usr/lib/node_modules/npm/package.json': '{"name":"npm","version":"11.2.0"}' },
    );
    expect(installedNpmVersion({ PATH: '/usr/local/bin:/usr/bin' }, platformFor('linux'), fake)).toBe('11.2.0');
  });

  it('reads node_modules\\npm\\package.json beside npm.cmd (Windows)', () => {
    const fake = files(
      { 'C:\\nodejs\\npm.cmd': 'C:\\nodejs\\npm.cmd' },
      { 'C:\\nodejs\\node_modules\\npm\\package.json': '{"name":"npm","version":"10.9.2"}' },
    );
    expect(installedNpmVersion({ Path: 'C:\\Windows;C:\\nodejs' }, platformFor('win32'), fake)).toBe('10.9.2');
  });

  it('is undefined for a shim it cannot see through, or another package.json', () => {
    const shim = files({ '/home/u/.volta/bin/npm': '/home/u/.volta/bin/volta-shim' }, { '/home/u/.volta/package.json': '{"name":"volta-home"}' });
    expect(installedNpmVersion({ PATH: '/home/u/.volta/bin' }, platformFor('linux'), shim)).toBeUndefined();
    expect(installedNpmVersion({ PATH: '' }, platformFor('linux'), shim)).toBeUndefined();
  });
});

describe('pathNodeVersionIfRunning', () => {
  it('is the running version when the node on PATH resolves to the running binary (POSIX symlink)', () => {
    const fake = files({ '/usr/bin/node': '/usr/lib/node/bin/node', '/usr/lib/node/bin/node': '/usr/lib/node/bin/node' }, {});
    const running = { execPath: '/usr/lib/node/bin/node', version: 'v20.20.2' };
    expect(pathNodeVersionIfRunning({ PATH: '/usr/local/bin:/usr/bin' }, platformFor('linux'), fake, running)).toBe('v20.20.2');
  });

  it('finds node.exe through PATHEXT on Windows', () => {
    const fake = files({ 'C:\\nodejs\\node.exe': 'C:\\nodejs\\node.exe' }, {});
    const running = { execPath: 'C:\\nodejs\\node.exe', version: 'v22.11.0' };
    expect(pathNodeVersionIfRunning({ Path: 'C:\\Windows;C:\\nodejs' }, platformFor('win32'), fake, running)).toBe('v22.11.0');
  });

  it('is undefined when PATH has another node (a version manager) or none, or the path cannot be resolved', () => {
    const running = { execPath: '/usr/bin/node', version: 'v20.20.2' };
    const other = files(
      { '/home/u/.nvm/versions/node/v18.20.0/bin/node': '/home/u/.nvm/versions/node/v18.20.0/bin/node', '/usr/bin/node': '/usr/bin/node' },
      {},
    );
    expect(pathNodeVersionIfRunning({ PATH: '/home/u/.nvm/versions/node/v18.20.0/bin:/usr/bin' }, platformFor('linux'), other, running)).toBeUndefined();
    expect(pathNodeVersionIfRunning({ PATH: '' }, platformFor('linux'), other, running)).toBeUndefined();
    const broken: NpmInstallFiles = {
      isFile: () => true,
      realpath: () => {
        throw new Error('ENOENT');
      },
      readText: () => undefined,
    };
    expect(pathNodeVersionIfRunning({ PATH: '/usr/bin' }, platformFor('linux'), broken, running)).toBeUndefined();
  });
});
