import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  alreadyRunningHint,
  chooseInstanceRequest,
  defaultInstance,
  describeInstance,
  instanceFlag,
  instanceOffset,
  instancePort,
  instanceProjectName,
  instanceStateDir,
  maxInstance,
  parseInstanceRequest,
} from '../../src/workspace/instance.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { configError, servicesYaml, workspaceDir } from './support.js';

describe('the instance mapping', () => {
  it('moves ports by n × 10, suffixes the compose project and keeps state apart; instance 0 is today', () => {
    expect([0, 1, 9].map(instanceOffset)).toEqual([0, 10, 90]);
    expect(instancePort(5001, 0)).toBe(5001);
    expect(instancePort(5001, 1)).toBe(5011);
    expect(instancePort(3000, 2)).toBe(3020);
    expect(instanceProjectName('tovplay', 0)).toBe('tovplay');
    expect(instanceProjectName('tovplay', 3)).toBe('tovplay-i3');
    expect(instanceStateDir('/w/.tovrun', 0)).toBe('/w/.tovrun');
    expect(instanceStateDir('/w/.tovrun', 2)).toBe(path.join('/w/.tovrun', 'instances', '2'));
    expect(describeInstance(defaultInstance)).toBe('');
    expect(describeInstance({ number: 1, source: 'tovrun.yaml', auto: true })).toBe('instance 1 (ports +10, from the git worktree)');
    expect(instanceFlag({ number: 0 })).toBe('');
    expect(instanceFlag({ number: 4 })).toBe(' --instance 4');
    expect(alreadyRunningHint(0)).toBe('Stop it with Ctrl-C in its terminal, or run `tovrun down`; to run another copy beside it, add --instance 1.');
    expect(alreadyRunningHint(2)).toBe(
      'Stop it with Ctrl-C in its terminal, or run `tovrun down --instance 2`; to run another copy beside it, add --instance 3.',
    );
  });

  it("keeps TovPlay's default ports apart across every instance (why the step is 10 and the highest instance 9)", () => {
    const ports = [5001, 3000, 5432, 6432, 9090, 3001, 3100, 9093];
    const all = ports.flatMap((port) => Array.from({ length: maxInstance + 1 }, (_, n) => instancePort(port, n)));
    expect(new Set(all).size).toBe(all.length);
  });

  it('parses --instance and TOVRUN_INSTANCE: a number 0–9 or auto; anything else is a usage error naming where it came from', () => {
    expect(parseInstanceRequest('2', '--instance')).toBe(2);
    expect(parseInstanceRequest(' auto ', 'TOVRUN_INSTANCE')).toBe('auto');
    for (const bad of ['10', '-1', '1.5', 'one', '']) expect(() => parseInstanceRequest(bad, '--instance')).toThrow(UsageError);
    expect(() => parseInstanceRequest('x', 'TOVRUN_INSTANCE')).toThrow('TOVRUN_INSTANCE "x" is not an instance: expected a number from 0 to 9, or auto.');
  });

  it('takes --instance over TOVRUN_INSTANCE over tovrun.yaml, else 0', () => {
    expect(chooseInstanceRequest({ flag: '1', env: '2' }, 3)).toEqual({ request: 1, source: '--instance' });
    expect(chooseInstanceRequest({ env: '2' }, 'auto')).toEqual({ request: 2, source: 'TOVRUN_INSTANCE' });
    expect(chooseInstanceRequest({ env: '' }, 'auto')).toEqual({ request: 'auto', source: 'tovrun.yaml' });
    expect(chooseInstanceRequest({}, undefined)).toEqual({ request: 0, source: 'default' });
  });
});

describe('loadWorkspace for an instance', () => {
  it('moves every port, {port} in commands, probes on moved ports and port values in env; state goes under .tovrun/instances/<n>/', () => {
    const root = workspaceDir({
      'tovrun.yaml': servicesYaml([
        '  api:',
        '    type: command',
        '    command: serve --port {port}',
        '    port: 4001',
        '    env: { PORT: 4001, API_URL: "http://localhost:4001/v1", TIMEOUT: 4001, OTHER_URL: "http://localhost:9999" }',
        '    probe: { http: "http://127.0.0.1:4001/status" }',
        '  web:',
        '    type: command',
        '    command: web',
        '    port: 3000',
        '    probe: { tcp: 4001 }',
      ]),
    });
    const ws = loadWorkspace(root, undefined, 'recall', { flag: '2' });
    const [api, web] = ws.services;
    expect(ws.instance).toEqual({ number: 2, source: '--instance', auto: false });
    expect(api).toMatchObject({ port: 4021, basePort: 4001, command: ['serve', '--port', '4021'] });
    expect(api?.env).toEqual({ PORT: '4021', API_URL: 'http://localhost:4021/v1', TIMEOUT: '4001', OTHER_URL: 'http://localhost:9999' });
    expect(api?.probe).toMatchObject({ kind: 'http', url: 'http://127.0.0.1:4021/status' });
    expect(web).toMatchObject({ port: 3020, probe: { kind: 'tcp', port: 4021 } });
    expect(ws.stateDir).toBe(path.join(root, '.tovrun', 'instances', '2'));
    expect(ws.sharedStateDir).toBe(path.join(root, '.tovrun'));
  });

  it("moves the TovPlay preset's probe fallback too, and leaves everything as today for instance 0", () => {
    const root = workspaceDir({ 'tovrun.yaml': 'instance: 1\n' }, ['backend', 'frontend']);
    const [backend, frontend] = loadWorkspace(root, undefined, 'recall').services;
    expect(backend).toMatchObject({ port: 5011, probe: { url: 'http://127.0.0.1:5011/health' }, probeFallback: { kind: 'tcp', port: 5011 } });
    expect(frontend?.command).toContain('3010');
    const zero = loadWorkspace(root, undefined, 'recall', { env: '0' });
    expect(zero.services.map((service) => service.port)).toEqual([5001, 3000]);
    expect(zero.stateDir).toBe(zero.sharedStateDir);
  });

  it('refuses a port the offset takes above 65535, naming the key and its line', () => {
    const root = workspaceDir({ 'tovrun.yaml': servicesYaml(['  api:', '    type: command', '    command: serve', '    port: 65530']) });
    const error = configError(() => loadWorkspace(root, undefined, 'recall', { flag: '1' }));
    expect(error.message).toBe("services.api.port: port 65530 moved by instance 1's offset (10) is 65540, above 65535.");
    expect(error.location?.line).toBe(6);
    expect(loadWorkspace(root, undefined, 'recall').services[0]?.port).toBe(65530);
  });
});
