/** Which Docker engine tovrun talks to: DOCKER_HOST, else DOCKER_CONTEXT, else the current docker context, else the local socket. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** How the engine is reached. */
export type EndpointKind = 'unix' | 'npipe' | 'fd' | 'tcp' | 'ssh';

/** Where the endpoint was found. */
export type EndpointSource = 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'current context' | 'default';

/** The engine's address as docker and compose use it, and what tovrun derives from it. */
export interface DockerEndpoint {
  /** The engine URL, e.g. "unix:///var/run/docker.sock", "tcp://10.0.0.5:2375", "ssh://dev@box". */
  url: string;
  kind: EndpointKind;
  source: EndpointSource;
  /** The docker context's name when one chose the endpoint, else null. */
  context: string | null;
  /** Whether the engine runs on another machine (tcp or ssh to a host that is not loopback). */
  remote: boolean;
  /** The host the engine's published ports are reached at from here: "localhost" for a local engine. */
  address: string;
  /** What docker and compose get over tovrun's environment, so v1 and v2 reach this one engine; {} for the default. */
  env: Record<string, string | undefined>;
}

const loopback = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** The kind, remoteness and address of an engine URL; a UsageError naming `from` (DOCKER_HOST, a context) for a URL docker would refuse. */
export function parseEngineUrl(url: string, from: string): Pick<DockerEndpoint, 'kind' | 'remote' | 'address'> {
  const scheme = /^([a-z]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'unix' || scheme === 'npipe' || scheme === 'fd') return { kind: scheme, remote: false, address: 'localhost' };
  if (scheme === 'tcp' || scheme === 'http' || scheme === 'https' || scheme === 'ssh') {
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      host = '';
    }
    if (host === '')
      throw new UsageError(`${from} is "${url}", which names no host.`, 'Write it as tcp://HOST:2375, ssh://USER@HOST, or unix:///var/run/docker.sock.');
    const address = host.replace(/^\[(.*)\]$/, '$1');
    const kind = scheme === 'ssh' ? 'ssh' : 'tcp';
    return loopback.test(address) ? { kind, remote: false, address: 'localhost' } : { kind, remote: true, address };
  }
  throw new UsageError(
    `${from} is "${url}", which is not an engine address docker understands.`,
    'Use tcp://HOST:PORT, ssh://USER@HOST, unix:///PATH or npipe:////./pipe/NAME (or unset it to use the local engine).',
  );
}

/** Reads a file's text, or null when it cannot (injected in tests). */
export type ReadText = (file: string) => string | null;

const readText: ReadText = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** The docker CLI's configuration folder: DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || path.join(env.HOME || env.USERPROFILE || homedir(), '.docker');
}

/** The local engine's default address on a platform. */
export function defaultEngineUrl(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

function fromContext(name: string, source: EndpointSource, env: NodeJS.ProcessEnv, read: ReadText): DockerEndpoint {
  const config = dockerConfigDir(env);
  const id = createHash('sha256').update(name).digest('hex');
  const metaFile = path.join(config, 'contexts', 'meta', id, 'meta.json');
  const text = read(metaFile);
  let host: unknown;
  let skipTls = false;
  try {
    const docker = (JSON.parse(text ?? '') as { Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } }).Endpoints?.docker;
    host = docker?.Host;
    skipTls = docker?.SkipTLSVerify === true;
  } catch {
    host = undefined;
  }
  const from = source === 'DOCKER_CONTEXT' ? `DOCKER_CONTEXT=${name}` : `the current docker context "${name}"`;
  if (typeof host !== 'string' || host === '')
    throw new UsageError(
      `${from} names a context docker has no endpoint for (${metaFile} ${text === null ? 'does not exist' : 'has no Endpoints.docker.Host'}).`,
      '`docker context ls` lists the contexts; choose one with `docker context use NAME`, or unset DOCKER_CONTEXT.',
    );
  const tlsDir = path.join(config, 'contexts', 'tls', id, 'docker');
  const tls = read(path.join(tlsDir, 'ca.pem')) !== null || read(path.join(tlsDir, 'cert.pem')) !== null;
  const tlsEnv = tls ? { DOCKER_CERT_PATH: tlsDir, DOCKER_TLS_VERIFY: skipTls ? undefined : '1' } : {};
  return { url: host, ...parseEngineUrl(host, from), source, context: name, env: { DOCKER_HOST: host, DOCKER_CONTEXT: undefined, ...tlsEnv } };
}

/**
 * The engine the docker CLI would use, in its order: DOCKER_HOST, DOCKER_CONTEXT, the config's currentContext, the
 * local socket. A context's endpoint is passed on as DOCKER_HOST (with its TLS files), so docker-compose v1, which
 * reads no context, reaches the same engine as docker and compose v2.
 */
export function resolveEngineEndpoint(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, read: ReadText = readText): DockerEndpoint {
  const dockerHost = env.DOCKER_HOST;
  if (dockerHost) return { url: dockerHost, ...parseEngineUrl(dockerHost, 'DOCKER_HOST'), source: 'DOCKER_HOST', context: null, env: {} };
  const named = env.DOCKER_CONTEXT;
  if (named && named !== 'default') return fromContext(named, 'DOCKER_CONTEXT', env, read);
  if (!named) {
    let current: unknown;
    try {
      current = (JSON.parse(read(path.join(dockerConfigDir(env), 'config.json')) ?? '{}') as { currentContext?: unknown }).currentContext;
    } catch {
      current = undefined;
    }
    if (typeof current === 'string' && current !== '' && current !== 'default') return fromContext(current, 'current context', env, read);
  }
  const url = defaultEngineUrl(platform);
  return { url, ...parseEngineUrl(url, 'the default engine'), source: 'default', context: null, env: {} };
}

/** The endpoint in words: "tcp://10.0.0.5:2375 (remote, from DOCKER_HOST)". */
export function describeEndpoint(endpoint: DockerEndpoint): string {
  const from = endpoint.context === null ? (endpoint.source === 'default' ? 'the default' : `from ${endpoint.source}`) : `docker context "${endpoint.context}"`;
  return `${endpoint.url} (${endpoint.remote ? 'remote' : 'local'}, ${from})`;
}
