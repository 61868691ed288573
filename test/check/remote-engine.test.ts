import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeEffects, runDoctor, withId, workspaceWith } from './support/doctor.js';

const compose = `services:
  prometheus:
    image: prom/prometheus
    profiles: [monitoring]
    volumes:
      - ./infra/prometheus:/etc/prometheus:ro
      - /var/run/docker.sock:/var/run/docker.sock:ro
    extra_hosts:
      - "host.docker.internal:host-gateway"
`;

function workspace(): string {
  const dir = workspaceWith({ '.env.template': 'APP=1\n', '.env': 'APP=1\n', 'tovrun.yaml': 'version: 1\npreset: none\n', 'docker-compose.yml': compose });
  mkdirSync(path.join(dir, 'infra', 'prometheus'), { recursive: true });
  writeFileSync(path.join(dir, 'infra', 'prometheus', 'prometheus.yml'), 'scrape_configs: []\n');
  return dir;
}

// No engine answers in these runs: the rule needs none, only where DOCKER_HOST points.
const check = (env: NodeJS.ProcessEnv) =>
  runDoctor(workspace(), ['compose'], { options: { profiles: ['monitoring'] }, env: { PATH: '/usr/bin', ...env }, effects: fakeEffects() });

describe('compose check with a remote engine', () => {
  it('says which workspace folders are delivered, and warns about binds and host.docker.internal that cannot work there', async () => {
    const run = await check({ DOCKER_HOST: 'tcp://10.0.0.5:2375' });
    const mounts = withId(run, 'compose/remote-mount');
    expect(mounts).toHaveLength(2);
    expect(mounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          status: 'warn',
          message: expect.stringContaining('/var/run/docker.sock -> /var/run/docker.sock is a path outside the workspace'),
        }),
        expect.objectContaining({
          status: 'ok',
          message: expect.stringMatching(/1 workspace folder \(.*infra\/prometheus\) will be delivered to the remote engine at tcp:\/\/10\.0\.0\.5:2375/),
        }),
      ]),
    );
    expect(withId(run, 'compose/remote-host')).toEqual([
      expect.objectContaining({
        status: 'warn',
        message: expect.stringContaining('prometheus reaches host.docker.internal, which on the remote engine at tcp://10.0.0.5:2375 is that host'),
      }),
    ]);
  });

  it("warns that PgBouncer's host.docker.internal upstream is the engine's host", async () => {
    const dir = workspaceWith({
      '.env.template': 'APP=1\n',
      '.env': 'APP=1\n',
      'tovrun.yaml': 'version: 1\npreset: none\n',
      'docker-compose.yml': 'services:\n  pgbouncer:\n    image: edoburu/pgbouncer\n    profiles: [pgbouncer]\n',
    });
    const run = await runDoctor(dir, ['compose'], {
      options: { profiles: ['pgbouncer'] },
      env: { PATH: '/usr/bin', DOCKER_HOST: 'ssh://dev@box' },
      effects: fakeEffects(),
    });
    expect(withId(run, 'compose/remote-host')).toEqual([
      expect.objectContaining({
        status: 'warn',
        message: expect.stringContaining("PgBouncer's upstream is host.docker.internal, which on the remote engine at ssh://dev@box is that host"),
      }),
    ]);
  });

  it('says nothing of the kind for a local engine', async () => {
    const run = await check({});
    expect(withId(run, 'compose/remote-mount')).toEqual([]);
    expect(withId(run, 'compose/remote-host')).toEqual([]);
  });
});
