import { describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../../src/errors.js';
import { findCycle } from '../../src/plan/dependency-cycle.js';
import { type DependencyInputs, foreignDependencies, withDependencies } from '../../src/plan/depends-on.js';
import { planLaunch } from '../../src/plan/launch.js';
import { platformFor } from '../../src/platform/platform.js';
import type { ComposeServiceInfo } from '../../src/workspace/compose-file.js';
import type { CommandService, ServiceSpec } from '../../src/workspace/types.js';

const service = (name: string, dependsOn: ServiceSpec['dependsOn'] = {}): CommandService => ({
  name,
  type: 'command',
  dir: '/w',
  port: null,
  command: ['node', `${name}.js`],
  env: {},
  probe: { kind: 'none' },
  probeFallback: null,
  restart: { policy: 'no', maxRetries: 0, backoffMs: 0 },
  dependsOn,
});
const composeService = (name: string, profiles: string[]): ComposeServiceInfo => ({ name, profiles, image: null, ports: [], hasHealthcheck: true });
const compose = {
  file: '/w/docker-compose.yml',
  services: [composeService('postgres', ['local-db']), composeService('redis', ['local-db', 'cache']), composeService('mailer', [])],
};

function inputs(services: ServiceSpec[], overrides: Partial<DependencyInputs> = {}): DependencyInputs {
  return { services, selected: services, compose, profiles: [], configFile: '/w/tovrun.yaml', ...overrides };
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('withDependencies: names', () => {
  it('is a ConfigError naming tovrun.yaml, the service, the unknown name and the known ones', () => {
    const error = caught(() => withDependencies(inputs([service('api', { db: 'healthy' }), service('web')])));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      location: { file: '/w/tovrun.yaml' },
      key: 'services.api.depends_on.db',
      message: 'services.api.depends_on names "db", which is neither a tovrun service nor a compose service.',
      hint: 'Known: tovrun services api, web; compose services of docker-compose.yml: postgres, redis, mailer.',
    });
  });

  it('says when there is no compose file to look in', () => {
    expect(caught(() => withDependencies(inputs([service('api', { postgres: 'healthy' })], { compose: null })))).toMatchObject({
      hint: 'Known: tovrun services api; no compose file.',
    });
  });

  it('lists the names that are not tovrun services (the ones that need the compose file)', () => {
    expect(foreignDependencies([service('api', { postgres: 'healthy', worker: 'started' }), service('worker', { postgres: 'started' })])).toEqual(['postgres']);
  });
});

describe('withDependencies: cycles', () => {
  it('is a ConfigError naming the cycle', () => {
    const services = [service('a', { b: 'started' }), service('b', { c: 'healthy' }), service('c', { a: 'started' }), service('d')];
    const error = caught(() => withDependencies(inputs(services)));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      message: 'services depend on each other in a cycle: a → b → c → a.',
      key: 'services.a.depends_on',
      location: { file: '/w/tovrun.yaml' },
    });
  });

  it('finds a service depending on itself, and no cycle in a diamond', () => {
    expect(findCycle(new Map([['a', ['a']]]))).toEqual(['a', 'a']);
    expect(
      findCycle(
        new Map([
          ['top', ['left', 'right']],
          ['left', ['base']],
          ['right', ['base']],
          ['base', []],
        ]),
      ),
    ).toBeNull();
  });
});

describe('withDependencies: selection', () => {
  it('starts what the selected services depend on, transitively, in workspace order', () => {
    const services = [service('db-migrate'), service('api', { 'db-migrate': 'started' }), service('web', { api: 'healthy' }), service('docs')];
    expect(withDependencies(inputs(services, { selected: [services[2] as ServiceSpec] })).map((each) => each.name)).toEqual(['db-migrate', 'api', 'web']);
  });
});

describe('withDependencies: compose services', () => {
  it('is a UsageError telling which -p to add when the profile is not requested', () => {
    const error = caught(() => withDependencies(inputs([service('signaling', { postgres: 'healthy' })])));
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({
      message: 'signaling depends on the compose service "postgres", which is in the profile "local-db", and this run starts no profile.',
      hint: 'Add -p local-db (or TOVRUN_PROFILES=local-db, or compose.profiles: [local-db] in tovrun.yaml).',
    });
    expect(caught(() => withDependencies(inputs([service('signaling', { redis: 'started' })], { profiles: ['monitoring'] })))).toMatchObject({
      message: 'signaling depends on the compose service "redis", which is in the profiles "local-db", "cache", and this run starts only "monitoring".',
    });
  });

  it('accepts a compose dependency whose profile is requested (compose is healthy before services start)', () => {
    const services = [service('signaling', { postgres: 'healthy', redis: 'healthy' })];
    expect(withDependencies(inputs(services, { profiles: ['local-db'] }))).toEqual(services);
  });

  it('checks only the services this run starts against the profiles', () => {
    const services = [service('signaling', { postgres: 'healthy' }), service('tools')];
    expect(withDependencies(inputs(services, { selected: [services[1] as ServiceSpec] })).map((each) => each.name)).toEqual(['tools']);
  });

  it('is a ConfigError for a compose service without a profile: tovrun never starts it', () => {
    const error = caught(() => withDependencies(inputs([service('api', { mailer: 'started' })], { profiles: ['local-db'] })));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      key: 'services.api.depends_on.mailer',
      message: expect.stringContaining('"mailer", which has no profile in docker-compose.yml'),
    });
  });
});

describe('planLaunch: dependsOn', () => {
  it('keeps only the dependencies on services of the run (compose ones are ready before any service starts)', () => {
    const launchInputs = { envValues: {}, processEnv: {}, platform: platformFor('linux'), color: false, nodePath: '/opt/node', serviceNames: ['api', 'web'] };
    const web = service('web', { api: 'healthy', postgres: 'healthy' });
    expect(planLaunch(web, launchInputs).dependsOn).toEqual({ api: 'healthy' });
    expect(planLaunch(service('api'), launchInputs).dependsOn).toEqual({});
  });
});
