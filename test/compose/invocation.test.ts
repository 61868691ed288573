import { describe, expect, it } from 'vitest';
import { composeInvocation, composeSubcommands, engineInvocation, engineSubcommands } from '../../src/compose/invocation.js';
import type { ComposeProject } from '../../src/plan/compose.js';
import { providers } from './support.js';

const project: ComposeProject = { file: '/ws/docker-compose.yml', name: 'tovplay', envFile: '/ws/.env', profiles: ['local-db', 'monitoring'] };
const line = (invocation: { command: string; args: string[] }) => [invocation.command, ...invocation.args].join(' ');

describe('the exact compose commands', () => {
  it('Compose v2: docker compose with --env-file and one --profile per profile', () => {
    expect(line(composeInvocation(providers.v2, project, composeSubcommands.up(['db', 'grafana'])))).toBe(
      'docker compose -f /ws/docker-compose.yml -p tovplay --env-file /ws/.env --profile local-db --profile monitoring up -d db grafana',
    );
    expect(line(composeInvocation(providers.v2, project, composeSubcommands.stop(['db'], 5)))).toBe(
      'docker compose -f /ws/docker-compose.yml -p tovplay --env-file /ws/.env --profile local-db --profile monitoring stop -t 5 db',
    );
  });

  it('docker-compose v1 (1.29): the same flags on the docker-compose program', () => {
    expect(line(composeInvocation(providers.v1, project, composeSubcommands.rm(['db'])))).toBe(
      'docker-compose -f /ws/docker-compose.yml -p tovplay --env-file /ws/.env --profile local-db --profile monitoring rm -f db',
    );
    expect(line(composeInvocation(providers.v1, { ...project, profiles: [] }, composeSubcommands.configQuiet()))).toBe(
      'docker-compose -f /ws/docker-compose.yml -p tovplay --env-file /ws/.env config -q',
    );
  });

  it("adds tovrun's override files after the user's compose file, so their volumes replace the binds with the same target", () => {
    expect(line(composeInvocation(providers.v1, { ...project, overrideFiles: ['/ws/.tovrun/compose.remote.json'] }, composeSubcommands.up(['db'])))).toBe(
      'docker-compose -f /ws/docker-compose.yml -f /ws/.tovrun/compose.remote.json -p tovplay --env-file /ws/.env --profile local-db --profile monitoring up -d db',
    );
  });

  it('docker-compose before 1.25: no --env-file (the values go into its environment instead)', () => {
    expect(line(composeInvocation(providers.v1old, project, composeSubcommands.up(['db'])))).toBe(
      'docker-compose -f /ws/docker-compose.yml -p tovplay --profile local-db --profile monitoring up -d db',
    );
  });

  it('podman compose and podman-compose', () => {
    expect(line(composeInvocation(providers.podman, project, composeSubcommands.up(['db'])))).toBe(
      'podman compose -f /ws/docker-compose.yml -p tovplay --env-file /ws/.env --profile local-db --profile monitoring up -d db',
    );
    expect(line(composeInvocation(providers.podmanCompose, { ...project, envFile: null }, composeSubcommands.stop(['db'], 0.2)))).toBe(
      'podman-compose -f /ws/docker-compose.yml -p tovplay --profile local-db --profile monitoring stop -t 1 db',
    );
  });

  it('engine commands: containers by compose labels, state as JSON, logs followed from a time', () => {
    expect(line(engineInvocation(providers.v1, engineSubcommands.containerIds('tovplay', 'db')))).toBe(
      'docker ps -a -q --no-trunc --filter label=com.docker.compose.project=tovplay --filter label=com.docker.compose.service=db',
    );
    expect(line(engineInvocation(providers.podman, engineSubcommands.inspectState(['a1', 'b2'])))).toBe('podman inspect --format {{json .State}} a1 b2');
    expect(line(engineInvocation(providers.v2, engineSubcommands.followLogs('a1', 1700000000.9)))).toBe('docker logs --follow --since 1700000000 a1');
    expect(line(engineInvocation(providers.v2, engineSubcommands.tailLogs('a1', 20)))).toBe('docker logs --tail 20 a1');
  });
});
