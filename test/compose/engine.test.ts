import { describe, expect, it } from 'vitest';
import { checkComposeProvider, requireComposeProvider, startEngineHint } from '../../src/compose/engine.js';
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

  it('hints at the docker group for a permission error, and at podman machine for podman on macOS', () => {
    expect(startEngineHint('docker', 'linux', 'permission denied while trying to connect to the Docker daemon socket')).toContain('usermod -aG docker');
    expect(startEngineHint('podman', 'darwin', '')).toContain('podman machine start');
  });
});
