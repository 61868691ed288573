import { describe, expect, it } from 'vitest';
import { checkComposeProvider, describeEngine, requireComposeProvider, startEngineHint } from '../../src/compose/engine.js';
import { FailedError } from '../../src/errors.js';
import { scriptedRunner } from './support.js';

const v1 = [/^docker-compose version$/, { output: 'docker-compose version 1.29.2' }] as [RegExp, { output: string }];

describe('checkComposeProvider / requireComposeProvider', () => {
  it('returns the provider when its engine answers `info`', async () => {
    const runner = scriptedRunner([v1, [/^docker info$/, { output: 'Server Version: 20.10.24' }]]);
    expect(await checkComposeProvider(runner, 'linux')).toMatchObject({ ok: true, provider: { name: 'docker-compose' } });
    expect(runner.calls.map((call) => call.line)).toContain('docker info');
  });

  it('says to start the docker service on Linux and Docker Desktop on Windows and macOS', async () => {
    const runner = scriptedRunner([v1, [/^docker info$/, { exitCode: 1, output: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' }]]);
    const linux = requireComposeProvider(runner, 'linux', 'the compose profiles local-db need a container engine');
    await expect(linux).rejects.toThrow(FailedError);
    await expect(linux).rejects.toThrow(/the Docker engine is not running/);
    await expect(linux).rejects.toMatchObject({ hint: expect.stringContaining('Start the docker service') });
    await expect(requireComposeProvider(runner, 'darwin', 'x')).rejects.toMatchObject({ hint: expect.stringContaining('Start Docker Desktop') });
    await expect(requireComposeProvider(runner, 'win32', 'x')).rejects.toMatchObject({ hint: expect.stringContaining('Start Docker Desktop') });
  });

  it('names what to install when no provider exists', async () => {
    const check = await checkComposeProvider(scriptedRunner([]), 'linux');
    expect(check).toMatchObject({
      ok: false,
      provider: null,
      message: expect.stringContaining('none of docker compose, docker-compose, podman compose or podman-compose'),
    });
  });

  it('reports the engine DOCKER_HOST names, its version and the time it took to answer', async () => {
    const runner = scriptedRunner([v1, [/^docker info$/, { output: 'Client:\nServer:\n Server Version: 28.2.2' }]]);
    const check = await checkComposeProvider(runner, 'linux', { DOCKER_HOST: 'tcp://10.0.0.5:2375' });
    expect(check.ok && describeEngine(check.engine)).toMatch(/^tcp:\/\/10\.0\.0\.5:2375 \(remote, from DOCKER_HOST\): server 28\.2\.2, answered in \d+ ms$/);
  });

  it('names the remote endpoint and the fix when it does not answer, or answers too late', async () => {
    const refused = scriptedRunner([
      v1,
      [/^docker info$/, { exitCode: 1, output: 'Cannot connect to the Docker daemon at tcp://10.0.0.5:2375. Is the docker daemon running?' }],
    ]);
    const check = requireComposeProvider(refused, 'linux', 'the compose profiles demo need a container engine', { DOCKER_HOST: 'tcp://10.0.0.5:2375' });
    await expect(check).rejects.toThrow(/the Docker engine at tcp:\/\/10\.0\.0\.5:2375 \(remote, from DOCKER_HOST\) did not answer \(Cannot connect/);
    await expect(check).rejects.toMatchObject({ hint: expect.stringContaining('unset DOCKER_HOST') });
    const slow = scriptedRunner([v1, [/^docker info$/, { exitCode: undefined, output: '' }]]);
    const late = await checkComposeProvider(slow, 'linux', { DOCKER_HOST: 'ssh://dev@box' });
    expect(late).toMatchObject({ ok: false, message: expect.stringContaining('ssh://dev@box (remote, from DOCKER_HOST) did not answer within 8 s') });
  });

  it('hints at the docker group for a permission error, and at podman machine for podman on macOS', () => {
    expect(startEngineHint('docker', 'linux', 'permission denied while trying to connect to the Docker daemon socket')).toContain('usermod -aG docker');
    expect(startEngineHint('podman', 'darwin', '')).toContain('podman machine start');
  });
});
