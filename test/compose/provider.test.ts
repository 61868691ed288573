import { describe, expect, it } from 'vitest';
import { detectComposeProvider } from '../../src/compose/provider.js';
import { scriptedRunner } from './support.js';

describe('detectComposeProvider', () => {
  it('prefers the Compose v2 plugin (`docker compose version`)', async () => {
    const runner = scriptedRunner([[/^docker compose version$/, { output: 'Docker Compose version v2.24.6\n' }]]);
    expect(await detectComposeProvider(runner)).toEqual({
      name: 'docker compose',
      command: 'docker',
      prefix: ['compose'],
      engine: 'docker',
      version: '2.24.6',
      envFileFlag: true,
    });
    expect(runner.calls.map((call) => call.line)).toEqual(['docker compose version']);
  });

  it("reads the version past a lone number in the provider's chatter (podman's notice names podman-compose(1))", async () => {
    const notice =
      '>>>> Executing external compose provider "/usr/libexec/docker/cli-plugins/docker-compose". Please see podman-compose(1) for how to disable this message. <<<<\n';
    const runner = scriptedRunner([
      [/^docker compose version$/, { exitCode: 1, output: '' }],
      [/^docker-compose version$/, { exitCode: 1, output: '' }],
      [/^podman compose version$/, { output: `${notice}Docker Compose version v2.27.0\n` }],
    ]);
    expect(await detectComposeProvider(runner)).toMatchObject({ name: 'podman compose', version: '2.27.0', envFileFlag: true });
  });

  it('falls back to docker-compose v1 and knows 1.25+ takes --env-file', async () => {
    const runner = scriptedRunner([
      [/^docker compose version$/, { exitCode: 1, output: "docker: 'compose' is not a docker command." }],
      [/^docker-compose version$/, { output: 'docker-compose version 1.29.2, build unknown\ndocker-py version: 5.0.3\n' }],
    ]);
    expect(await detectComposeProvider(runner)).toMatchObject({
      name: 'docker-compose',
      command: 'docker-compose',
      prefix: [],
      engine: 'docker',
      version: '1.29.2',
      envFileFlag: true,
    });
    expect(runner.calls.map((call) => call.line)).toEqual(['docker compose version', 'docker-compose version']);
  });

  it('passes .env as environment to docker-compose older than 1.25 (no --env-file)', async () => {
    const runner = scriptedRunner([[/^docker-compose version$/, { output: 'docker-compose version 1.24.1, build 4667896b' }]]);
    expect(await detectComposeProvider(runner)).toMatchObject({ version: '1.24.1', envFileFlag: false });
  });

  it('treats a standalone docker-compose v2 binary as v2', async () => {
    const runner = scriptedRunner([[/^docker-compose version$/, { output: 'Docker Compose version v2.29.1' }]]);
    expect(await detectComposeProvider(runner)).toMatchObject({ name: 'docker-compose', version: '2.29.1', envFileFlag: true });
  });

  it('then tries `podman compose`, then podman-compose', async () => {
    const podman = scriptedRunner([
      [/^podman compose version$/, { output: '>>>> Executing external compose provider "/usr/bin/podman-compose".\npodman-compose version 1.0.6\n' }],
    ]);
    expect(await detectComposeProvider(podman)).toMatchObject({
      name: 'podman compose',
      command: 'podman',
      prefix: ['compose'],
      engine: 'podman',
      version: '1.0.6',
    });
    const podmanCompose = scriptedRunner([[/^podman-compose version$/, { output: 'podman-compose version 1.0.6\npodman version 4.3.1' }]]);
    expect(await detectComposeProvider(podmanCompose)).toMatchObject({ name: 'podman-compose', command: 'podman-compose', prefix: [], engine: 'podman' });
    expect(podmanCompose.calls.map((call) => call.line)).toEqual([
      'docker compose version',
      'docker-compose version',
      'podman compose version',
      'podman-compose version',
    ]);
  });

  it('is null when none is installed', async () => {
    expect(await detectComposeProvider(scriptedRunner([]))).toBeNull();
  });
});
