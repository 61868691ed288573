import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FailedError } from '../../src/errors.js';
import { declaresPackages, type NpmContext, npmEnvironment, npmInstall, npmInstallArgs, npmToolVersions } from '../../src/install/npm.js';
import { platformFor } from '../../src/platform/platform.js';
import { exited, fakeRunner, ok } from './support/fake-runner.js';

function npmContext(runner: NpmContext['runner'], os: NodeJS.Platform = 'linux'): NpmContext {
  return { platform: platformFor(os), runner, cwd: '/w/frontend', env: { PATH: '' } };
}

describe('npmEnvironment', () => {
  it('removes NODE_ENV and every npm setting that omits dev dependencies, in any case, and keeps the rest', () => {
    const env = npmEnvironment({
      NODE_ENV: 'production',
      npm_config_omit: 'dev',
      NPM_CONFIG_OMIT: 'dev',
      npm_config_production: 'true',
      NPM_CONFIG_PRODUCTION: 'true',
      npm_config_only: 'prod',
      npm_config_registry: 'http://registry.local/',
      PATH: '/usr/bin',
    });
    expect(env).toEqual({ npm_config_registry: 'http://registry.local/', PATH: '/usr/bin' });
  });
});

describe('npmInstallArgs', () => {
  it('always includes dev dependencies and adds the service options', () => {
    expect(npmInstallArgs({ legacyPeerDeps: false, ignoreScripts: false })).toEqual(['install', '--include=dev', '--no-audit', '--no-fund']);
    expect(npmInstallArgs({ legacyPeerDeps: true, ignoreScripts: true })).toEqual([
      'install',
      '--include=dev',
      '--no-audit',
      '--no-fund',
      '--legacy-peer-deps',
      '--ignore-scripts',
    ]);
  });
});

describe('npmInstall', () => {
  it('spawns npm.cmd on Windows and npm elsewhere, in the service folder', async () => {
    for (const [os, command] of [
      ['win32', 'npm.cmd'],
      ['linux', 'npm'],
    ] as const) {
      const runner = fakeRunner(() => ok('added 15 packages'));
      await npmInstall(npmContext(runner, os), { legacyPeerDeps: true, ignoreScripts: false }, 'frontend');
      expect(runner.calls[0]).toMatchObject({
        command,
        args: ['install', '--include=dev', '--no-audit', '--no-fund', '--legacy-peer-deps'],
        options: { cwd: '/w/frontend' },
      });
    }
  });

  it('hints at legacyPeerDeps on an ERESOLVE failure, with the output tail', async () => {
    const runner = fakeRunner(() => exited(1, 'npm error code ERESOLVE\nnpm error ERESOLVE unable to resolve dependency tree'));
    const error = (await npmInstall(npmContext(runner), { legacyPeerDeps: false, ignoreScripts: false }, 'frontend').catch(
      (caught: unknown) => caught,
    )) as FailedError;
    expect(error.message).toBe('npm install --include=dev exited with code 1');
    expect(error.hint).toContain('legacyPeerDeps: true` under services.frontend');
    expect((error as FailedError & { tail: string[] }).tail).toContain('npm error code ERESOLVE');
  });
});

describe('npmToolVersions', () => {
  it('asks node and npm (npm.cmd on Windows) for their versions when npm cannot be found on PATH', async () => {
    const runner = fakeRunner((command) => ok(command === 'node' ? 'v20.19.0\n' : '10.8.2\n'));
    expect(await npmToolVersions(npmContext(runner, 'win32'))).toEqual({ node: 'v20.19.0', npm: '10.8.2' });
    expect(runner.calls.map((call) => call.command).sort()).toEqual(['node', 'npm.cmd']);
  });

  it('runs neither when the node on PATH is the running one and npm has a readable package.json', async () => {
    const runner = fakeRunner(() => ok('unused'));
    const bin = path.dirname(process.execPath);
    const npmCli = '/opt/node/lib/node_modules/npm/bin/npm-cli.js';
    const files = {
      isFile: (file: string) => file === process.execPath || file === path.join(bin, 'npm'),
      realpath: (file: string) => (file === path.join(bin, 'npm') ? npmCli : file),
      readText: (file: string) => (file === '/opt/node/lib/node_modules/npm/package.json' ? '{"name":"npm","version":"11.1.0"}' : undefined),
    };
    expect(await npmToolVersions({ ...npmContext(runner), env: { PATH: bin }, files })).toEqual({ node: process.version, npm: '11.1.0' });
    expect(runner.calls).toEqual([]);
  });
});

describe('declaresPackages', () => {
  it('is true when any dependency section has an entry', () => {
    expect(declaresPackages('{"devDependencies": {"vite": "^8"}}', 'package.json')).toBe(true);
    expect(declaresPackages('{"name": "x", "dependencies": {}}', 'package.json')).toBe(false);
  });

  it('fails readably on invalid JSON', () => {
    expect(() => declaresPackages('{"name": ', 'frontend/package.json')).toThrow(/frontend\/package\.json is not valid JSON/);
  });

  it('fails readably, not with a TypeError, on JSON that is not an object', () => {
    for (const text of ['null', '[]', '"x"'])
      expect(() => declaresPackages(text, 'frontend/package.json')).toThrow(/^frontend\/package\.json is not a JSON object/);
  });
});
