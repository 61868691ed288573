// The dev loop's watchers on a real folder, with a fake supervisor: a .env edit, an install input and a watch glob
// each lead to their reaction; node_modules and files outside the globs to none.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type DevLoop, startDevLoop } from '../../src/devloop/dev-loop.js';
import type { ServiceSpec, Workspace } from '../../src/workspace/types.js';
import { eventually } from '../supervisor/support.js';
import { fakeRun, launchWith } from './support.js';

const loops: DevLoop[] = [];
afterEach(async () => {
  for (const loop of loops.splice(0)) await loop.close();
});

const restart = { policy: 'no' as const, maxRetries: 0, backoffMs: 0, crashLimit: 5, crashWindowMs: 60_000 };
const base = { port: null, env: {}, probe: { kind: 'none' as const }, probeFallback: null, restart, dependsOn: {} };

describe('startDevLoop', () => {
  it('follows the .env, a python service’s requirements and a command service’s watch globs', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tovrun-devloop-'));
    for (const folder of ['api', 'worker/src', 'worker/node_modules']) mkdirSync(path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, '.env'), 'NAME=a\n');
    writeFileSync(path.join(root, 'api', 'requirements.txt'), 'flask\n');
    const services: ServiceSpec[] = [
      {
        ...base,
        type: 'python',
        name: 'api',
        dir: path.join(root, 'api'),
        command: ['python', 'app.py'],
        venv: path.join(root, 'api', 'venv'),
        requirements: path.join(root, 'api', 'requirements.txt'),
        watch: [],
      },
      { ...base, type: 'command', name: 'worker', dir: path.join(root, 'worker'), command: ['node', 'w.js'], watch: ['src/**/*.js'] },
    ];
    const workspace = { root, envFile: path.join(root, '.env') } as Workspace;
    const run = fakeRun(['api', 'worker']);
    let name = 'a';
    const installs: string[][] = [];
    const loop = startDevLoop({
      workspace,
      services,
      launches: services.map((service) => launchWith(service.name, { NAME: 'a' })),
      checkEnv: () => null,
      plan: () => services.map((service) => launchWith(service.name, { NAME: name })),
      install: async (names) => {
        installs.push([...names]);
        return { services: [{ name: 'api', status: 'installed', durationMs: 1, warnings: [] }] };
      },
      compose: null,
      supervisor: run.supervisor,
      output: run.output,
      quietMs: 50,
    });
    loops.push(loop);
    await loop.ready;

    name = 'b';
    writeFileSync(path.join(root, '.env'), 'NAME=b\n');
    await eventually(() => run.restarts.length === 2, 5_000);
    expect(run.restarts.map((each) => [each.name, each.options.reason])).toEqual([
      ['api', '.env changed: NAME'],
      ['worker', '.env changed: NAME'],
    ]);

    writeFileSync(path.join(root, 'api', 'requirements.txt'), 'flask>=3\n');
    await eventually(() => run.restarts.length === 3, 5_000);
    expect(installs).toEqual([['api']]);
    expect(run.restarts[2]).toEqual({ name: 'api', options: { reason: 'api/requirements.txt changed; reinstalled' } });

    writeFileSync(path.join(root, 'worker', 'node_modules', 'x.js'), '');
    writeFileSync(path.join(root, 'worker', 'notes.txt'), '');
    writeFileSync(path.join(root, 'worker', 'src', 'job.js'), '');
    await eventually(() => run.restarts.length === 4, 5_000);
    expect(run.restarts[3]).toEqual({ name: 'worker', options: { reason: 'watch: src/job.js changed' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(run.restarts).toHaveLength(4);
  });
});
