import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEndpoint, parseEngineUrl, resolveEngineEndpoint } from '../../src/compose/endpoint.js';
import { UsageError } from '../../src/errors.js';

const config = '/home/dev/.docker';
const metaFile = (name: string) => path.join(config, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'), 'meta.json');
const files =
  (entries: Record<string, string>) =>
  (file: string): string | null =>
    entries[file] ?? null;
const contextMeta = (name: string, host: string) => ({
  [metaFile(name)]: JSON.stringify({ Name: name, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }),
});

describe('parseEngineUrl', () => {
  it('tells local sockets from remote hosts, and gives the host published ports are reached at', () => {
    expect(parseEngineUrl('unix:///var/run/docker.sock', 'x')).toEqual({ kind: 'unix', remote: false, address: 'localhost' });
    expect(parseEngineUrl('npipe:////./pipe/docker_engine', 'x')).toEqual({ kind: 'npipe', remote: false, address: 'localhost' });
    expect(parseEngineUrl('tcp://10.0.0.5:2375', 'x')).toEqual({ kind: 'tcp', remote: true, address: '10.0.0.5' });
    expect(parseEngineUrl('tcp://127.0.0.1:2375', 'x')).toEqual({ kind: 'tcp', remote: false, address: 'localhost' });
    expect(parseEngineUrl('tcp://[fd00::5]:2376', 'x')).toEqual({ kind: 'tcp', remote: true, address: 'fd00::5' });
    expect(parseEngineUrl('ssh://dev@build-box.example:2222', 'x')).toEqual({ kind: 'ssh', remote: true, address: 'build-box.example' });
    expect(parseEngineUrl('ssh://localhost', 'x')).toEqual({ kind: 'ssh', remote: false, address: 'localhost' });
  });

  it('refuses an address docker would refuse, naming where it came from and the forms that work', () => {
    expect(() => parseEngineUrl('10.0.0.5:2375', 'DOCKER_HOST')).toThrow(UsageError);
    expect(() => parseEngineUrl('10.0.0.5:2375', 'DOCKER_HOST')).toThrow(/DOCKER_HOST is "10.0.0.5:2375"/);
    expect(() => parseEngineUrl('tcp://', 'DOCKER_HOST')).toThrow(/names no host/);
  });
});

describe('resolveEngineEndpoint', () => {
  const home = { HOME: '/home/dev' };

  it('uses the local socket when nothing chooses another engine (and passes nothing on)', () => {
    const endpoint = resolveEngineEndpoint(home, 'linux', files({}));
    expect(endpoint).toMatchObject({ url: 'unix:///var/run/docker.sock', source: 'default', remote: false, env: {} });
    expect(resolveEngineEndpoint(home, 'win32', files({})).url).toBe('npipe:////./pipe/docker_engine');
    expect(describeEndpoint(endpoint)).toBe('unix:///var/run/docker.sock (local, the default)');
  });

  it('takes DOCKER_HOST first, over DOCKER_CONTEXT and the current context, as the docker CLI does', () => {
    const read = files({ [path.join(config, 'config.json')]: '{"currentContext":"box"}', ...contextMeta('box', 'ssh://dev@box') });
    const endpoint = resolveEngineEndpoint({ ...home, DOCKER_HOST: 'tcp://10.0.0.5:2375', DOCKER_CONTEXT: 'box' }, 'linux', read);
    expect(endpoint).toMatchObject({ url: 'tcp://10.0.0.5:2375', source: 'DOCKER_HOST', remote: true, address: '10.0.0.5' });
    expect(describeEndpoint(endpoint)).toBe('tcp://10.0.0.5:2375 (remote, from DOCKER_HOST)');
  });

  it("reads DOCKER_CONTEXT's endpoint and passes it on as DOCKER_HOST, so docker-compose v1 reaches the same engine", () => {
    const read = files(contextMeta('box', 'ssh://dev@box'));
    const endpoint = resolveEngineEndpoint({ ...home, DOCKER_CONTEXT: 'box' }, 'linux', read);
    expect(endpoint).toMatchObject({ url: 'ssh://dev@box', kind: 'ssh', source: 'DOCKER_CONTEXT', context: 'box', address: 'box' });
    expect(endpoint.env).toEqual({ DOCKER_HOST: 'ssh://dev@box', DOCKER_CONTEXT: undefined });
  });

  it('follows the current context of config.json (in DOCKER_CONFIG when set), with its TLS files', () => {
    const dir = '/etc/dev-docker';
    const id = createHash('sha256').update('shared').digest('hex');
    const read = files({
      [path.join(dir, 'config.json')]: '{"currentContext":"shared"}',
      [path.join(dir, 'contexts', 'meta', id, 'meta.json')]: JSON.stringify({ Endpoints: { docker: { Host: 'tcp://shared.example:2376' } } }),
      [path.join(dir, 'contexts', 'tls', id, 'docker', 'ca.pem')]: 'pem',
    });
    const endpoint = resolveEngineEndpoint({ DOCKER_CONFIG: dir }, 'linux', read);
    expect(endpoint).toMatchObject({ source: 'current context', context: 'shared', remote: true, address: 'shared.example' });
    expect(endpoint.env).toMatchObject({
      DOCKER_HOST: 'tcp://shared.example:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: path.join(dir, 'contexts', 'tls', id, 'docker'),
    });
  });

  it('treats the context named default as the local engine, and a context without an endpoint as a usage error naming it', () => {
    expect(resolveEngineEndpoint({ ...home, DOCKER_CONTEXT: 'default' }, 'linux', files({})).source).toBe('default');
    expect(() => resolveEngineEndpoint({ ...home, DOCKER_CONTEXT: 'gone' }, 'linux', files({}))).toThrow(
      /DOCKER_CONTEXT=gone names a context docker has no endpoint for/,
    );
  });
});
