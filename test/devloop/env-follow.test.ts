import { describe, expect, it } from 'vitest';
import { type ComposeFollow, EnvFollower } from '../../src/devloop/env-follow.js';
import type { LaunchSpec } from '../../src/plan/launch-spec.js';
import { fakeRun, launchWith } from './support.js';

const started = [launchWith('api', { NAME: 'a', SECRET: 's1' }), launchWith('worker', { NAME: 'a', SECRET: 's1' }), launchWith('web', { PORT: '1' })];

function follower(run: ReturnType<typeof fakeRun>, state: { problems: string | null; next: LaunchSpec[] }, compose: ComposeFollow | null = null) {
  return new EnvFollower({
    envName: '.env',
    checkEnv: () => state.problems,
    plan: () => state.next,
    launches: started,
    reads: new Map(),
    supervisor: run.supervisor,
    output: run.output,
    compose,
  });
}

describe('EnvFollower', () => {
  it('an invalid .env: says the check report and restarts nothing', async () => {
    const run = fakeRun(['api', 'worker', 'web']);
    await follower(run, { problems: '✖ .env:3 BACKEND_PORT is not a port\n', next: [] }).changed();
    expect(run.restarts).toEqual([]);
    expect(run.said.join('')).toBe(
      '✖ .env:3 BACKEND_PORT is not a port\ntovrun: .env changed and has the errors above; nothing was restarted (the services keep the values they started with).\n',
    );
  });

  it('a valid .env: restarts the services whose environment changed with it, naming the keys and never a value', async () => {
    const run = fakeRun(['api', 'worker', 'web']);
    run.states.set('worker', 'stopped');
    const next = [launchWith('api', { NAME: 'b', SECRET: 's2' }), launchWith('worker', { NAME: 'b', SECRET: 's2' }), launchWith('web', { PORT: '1' })];
    const loop = follower(run, { problems: null, next });
    await loop.changed();
    expect(run.restarts).toEqual([{ name: 'api', options: { env: { NAME: 'b', SECRET: 's2' }, reason: '.env changed: NAME, SECRET' } }]);
    expect(run.notices).toEqual(['worker: .env changed (NAME, SECRET); not running now, so not restarted']);
    expect([...run.said, ...run.notices].join('\n')).not.toMatch(/s2|\bb\b/);
    // The same values again: nothing more restarts.
    await loop.changed();
    expect(run.restarts).toHaveLength(1);
    expect(run.said).toEqual(["tovrun: .env changed; no service's environment changed, nothing was restarted.\n"]);
  });

  it('compose services using a changed variable: named with the command, or recreated with --recreate-compose', async () => {
    for (const recreate of [false, true]) {
      const run = fakeRun(['api']);
      let values: Record<string, string> = { DB_PASSWORD: 'a' };
      const ran: string[][] = [];
      const compose: ComposeFollow = {
        file: '/w/docker-compose.yml',
        text: () => 'services:\n  db:\n    environment:\n      P: ${DB_PASSWORD}\n  cache:\n    image: redis\n',
        services: ['db', 'cache'],
        envFile: '/w/.env',
        variables: () => ({ dotEnv: values, values }),
        recreateCommand: (names) => ({ command: 'docker', args: ['compose', 'up', '-d', '--force-recreate', ...names] }),
        run: async (invocation) => {
          ran.push(invocation.args);
          return { exitCode: 0, output: '' };
        },
        recreate,
      };
      const loop = follower(run, { problems: null, next: started }, compose);
      values = { DB_PASSWORD: 'b' };
      await loop.changed();
      if (recreate) {
        expect(ran).toEqual([['compose', 'up', '-d', '--force-recreate', 'db']]);
        expect(run.notices).toEqual(['db: .env changed (DB_PASSWORD); recreating', 'db: recreated']);
      } else {
        expect(ran).toEqual([]);
        expect(run.said.join('')).toContain(
          'the compose services db use it and keep their old values until recreated:\n  docker compose up -d --force-recreate db\n',
        );
      }
    }
  });
});
