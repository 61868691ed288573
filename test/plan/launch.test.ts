import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LaunchInputs, planLaunch } from '../../src/plan/launch.js';
import { platformFor } from '../../src/platform/platform.js';
import type { NodeService, PythonService } from '../../src/workspace/types.js';

const common = {
  port: 5001,
  env: {},
  probe: { kind: 'none' as const },
  probeFallback: null,
  restart: { policy: 'no' as const, maxRetries: 0, backoffMs: 0 },
  dependsOn: {},
};
const backend: PythonService = {
  ...common,
  name: 'backend',
  type: 'python',
  dir: '/w/backend',
  venv: '/w/backend/venv',
  requirements: '/w/backend/requirements.txt',
  command: ['python', '-m', 'flask', 'run'],
  env: { FLASK_DEBUG: '1' },
};
const frontend: NodeService = {
  ...common,
  name: 'frontend',
  type: 'node',
  dir: '/w/frontend',
  port: 3000,
  command: ['vite', '--strictPort'],
  legacyPeerDeps: true,
  ignoreScripts: true,
};
const inputs = (overrides: Partial<LaunchInputs> = {}): LaunchInputs => ({
  envValues: { SECRET_KEY: 's', FLASK_ENV: 'development' },
  processEnv: { PATH: '/usr/bin', FLASK_ENV: 'testing' },
  platform: platformFor('linux'),
  color: false,
  nodePath: '/opt/node',
  resolveBin: (dir, name) => (name === 'vite' ? path.join(dir, 'node_modules/vite/bin/vite.js') : null),
  ...overrides,
});

describe('planLaunch', () => {
  it("runs a python service with the venv's python, activated, the shell's environment winning over .env", () => {
    const launch = planLaunch(backend, inputs());
    expect(launch.file).toBe('/w/backend/venv/bin/python');
    expect(launch.args).toEqual(['-m', 'flask', 'run']);
    expect(launch.env).toMatchObject({
      SECRET_KEY: 's',
      FLASK_ENV: 'testing',
      FLASK_DEBUG: '1',
      VIRTUAL_ENV: '/w/backend/venv',
      PYTHONUNBUFFERED: '1',
      NO_COLOR: '1',
    });
    expect(launch.env.PATH).toBe('/w/backend/venv/bin:/usr/bin');
    expect(launch.cwd).toBe('/w/backend');
  });

  it("gives tovrun's overrides (DATABASE_URL wired to a profile) over .env and the shell, under the service's own env", () => {
    const env = (service: PythonService) =>
      planLaunch(
        service,
        inputs({ envValues: { DATABASE_URL: 'from-env-file' }, processEnv: { DATABASE_URL: 'from-shell' }, overrides: { DATABASE_URL: 'local-db' } }),
      ).env;
    expect(env(backend).DATABASE_URL).toBe('local-db');
    expect(env({ ...backend, env: { DATABASE_URL: 'from-tovrun-yaml' } }).DATABASE_URL).toBe('from-tovrun-yaml');
  });

  it('uses the Windows venv layout and the existing Path key', () => {
    const launch = planLaunch({ ...backend, venv: 'C:\\w\\backend\\venv' }, inputs({ platform: platformFor('win32'), processEnv: { Path: 'C:\\Windows' } }));
    expect(launch.file).toBe('C:\\w\\backend\\venv\\Scripts\\python.exe');
    expect(launch.env.Path).toBe('C:\\w\\backend\\venv\\Scripts;C:\\Windows');
    expect(launch.env.PATH).toBeUndefined();
  });

  it('runs a package binary through node, so bin-links=false does not matter, and asks for colour on a colour terminal', () => {
    const launch = planLaunch(frontend, inputs({ color: true }));
    expect(launch.file).toBe('/opt/node');
    expect(launch.args).toEqual(['/w/frontend/node_modules/vite/bin/vite.js', '--strictPort']);
    expect(launch.env.FORCE_COLOR).toBe('1');
    expect(launch.env.VIRTUAL_ENV).toBeUndefined();
  });

  it('runs other commands as they are', () => {
    const launch = planLaunch({ ...frontend, command: ['npm', 'run', 'dev'] }, inputs());
    expect(launch).toMatchObject({ file: 'npm', args: ['run', 'dev'] });
  });
});
