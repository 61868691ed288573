/** Whether compose can run at all: a provider installed and its engine answering, else a clear error before anything starts. */
import { FailedError } from '../errors.js';
import type { CommandRunner } from '../os/system-runner.js';
import { type DockerEndpoint, describeEndpoint, resolveEngineEndpoint } from './endpoint.js';
import { type ComposeProvider, detectComposeProvider, type EngineName } from './provider.js';

/** What to do when no compose provider is installed, per operating system. */
export function installHint(platform: NodeJS.Platform): string {
  if (platform === 'win32' || platform === 'darwin')
    return 'Install Docker Desktop (it brings `docker compose`), or Podman Desktop with podman compose, then run tovrun again.';
  return 'Install Docker with the compose plugin (Debian/Ubuntu: `sudo apt-get install docker.io docker-compose`), or podman with podman-compose, then run tovrun again.';
}

/** What to do when the engine does not answer, per engine, operating system and what `info` printed. */
export function startEngineHint(engine: EngineName, platform: NodeJS.Platform, infoOutput: string): string {
  if (/permission denied/i.test(infoOutput) && platform === 'linux') {
    return 'Your user may not use the docker socket: `sudo usermod -aG docker $USER`, log in again, and run tovrun again.';
  }
  const desktop = platform === 'win32' || platform === 'darwin';
  if (engine === 'podman')
    return desktop
      ? 'Start the podman machine: `podman machine start`, then run tovrun again.'
      : 'Check `podman info` and fix what it reports, then run tovrun again.';
  if (desktop) return 'Start Docker Desktop and wait until it says the engine is running, then run tovrun again.';
  return 'Start the docker service: `sudo systemctl start docker` (or `sudo service docker start`), then run tovrun again.';
}

/** The arguments that ask an engine whether it runs (plain `info`: docker and podman format it differently). */
export function engineInfoArgs(): string[] {
  return ['info'];
}

/** How long tovrun waits for the engine to answer `info` before calling it unreachable. */
export const engineAnswerTimeoutMs = 8_000;

/** The engine as it answered: where it is, its server version ("" when it printed none) and how long it took. */
export interface EngineStatus {
  endpoint: DockerEndpoint;
  version: string;
  answeredMs: number;
}

/** The server version in `docker info` ("Server Version: 28.2.2") or `podman info` ("Version: 4.3.1") output, or "". */
export function serverVersion(infoOutput: string): string {
  return (/Server Version:\s*(\S+)/.exec(infoOutput) ?? /^\s*Version:\s*(\S+)/m.exec(infoOutput))?.[1] ?? '';
}

/** The line of the engine CLI's output that says why it failed (a connect error), else its last line, for an error message. */
function reasonLine(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.find((line) => /^error|connect|refused|timed? ?out|no route|unreachable|resolve|ssh/i.test(line)) ?? lines.pop() ?? '';
}

/** Asks the engine at the endpoint for its version; the status, or the problem (naming the endpoint when it is not the default) with what to do. */
export async function probeEngine(
  runner: CommandRunner,
  provider: ComposeProvider,
  platform: NodeJS.Platform,
  endpoint: DockerEndpoint,
  env: NodeJS.ProcessEnv,
  now: () => number = Date.now,
): Promise<{ ok: true; engine: EngineStatus } | { ok: false; message: string; hint: string }> {
  const started = now();
  const result = await runner(provider.engine, engineInfoArgs(), { timeoutMs: engineAnswerTimeoutMs, env: { ...env, ...endpoint.env } });
  const answeredMs = now() - started;
  if (result.exitCode === 0) return { ok: true, engine: { endpoint, version: serverVersion(result.output), answeredMs } };
  const name = provider.engine === 'docker' ? 'the Docker engine' : 'the podman engine';
  if (endpoint.source === 'default' && result.exitCode !== undefined)
    return {
      ok: false,
      message: `${name} is not running (\`${provider.engine} info\` failed; ${provider.name} ${provider.version} is installed).`,
      hint: startEngineHint(provider.engine, platform, result.output),
    };
  const why =
    result.exitCode === undefined && result.spawnError === undefined
      ? `did not answer within ${Math.round(engineAnswerTimeoutMs / 1000)} s`
      : `did not answer (${reasonLine(result.output) || `\`${provider.engine} info\` failed`})`;
  return {
    ok: false,
    message: `${name} at ${describeEndpoint(endpoint)} ${why}.`,
    hint: `Check that the host is up and its engine listens there (\`${provider.engine} -H ${endpoint.url} info\`), or ${endpoint.source === 'DOCKER_HOST' ? 'unset DOCKER_HOST' : endpoint.source === 'default' ? 'start the engine' : 'choose another context with `docker context use default`'} to use the local engine; then run tovrun again.`,
  };
}

/** A usable provider and the engine it talks to, or why there is none (nothing installed, or its engine not answering) with what to do. */
export type ProviderCheck =
  | { ok: true; provider: ComposeProvider; engine: EngineStatus }
  | { ok: false; provider: ComposeProvider | null; message: string; hint: string };

/** Detects the provider, resolves the engine endpoint from env and checks it answers; for the doctor, `up` and `down`. */
export async function checkComposeProvider(runner: CommandRunner, platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): Promise<ProviderCheck> {
  const provider = await detectComposeProvider(runner);
  if (!provider)
    return {
      ok: false,
      provider: null,
      message: 'none of docker compose, docker-compose, podman compose or podman-compose is installed.',
      hint: installHint(platform),
    };
  const endpoint = resolveEngineEndpoint(env, platform);
  const probe = await probeEngine(runner, provider, platform, endpoint, env);
  return probe.ok ? { ok: true, provider, engine: probe.engine } : { ok: false, provider, message: probe.message, hint: probe.hint };
}

/** The installed provider with an answering engine; a FailedError naming what to install or start (and the endpoint) otherwise. */
export async function requireComposeProvider(
  runner: CommandRunner,
  platform: NodeJS.Platform,
  purpose: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ provider: ComposeProvider; engine: EngineStatus }> {
  const check = await checkComposeProvider(runner, platform, env);
  if (!check.ok) throw new FailedError(`${purpose}, but ${check.message}`, check.hint);
  return { provider: check.provider, engine: check.engine };
}

/** The engine in one line: "tcp://10.0.0.5:2375 (remote, from DOCKER_HOST): server 28.2.2, answered in 40 ms". */
export function describeEngine(engine: EngineStatus): string {
  const version = engine.version === '' ? 'answered' : `server ${engine.version}, answered`;
  return `${describeEndpoint(engine.endpoint)}: ${version} in ${engine.answeredMs} ms`;
}

/** The engine for --dry-run, in one line: where it is, local or remote, its version and answer time, or why it does not answer. */
export async function engineLine(runner: CommandRunner, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Promise<string> {
  const check = await checkComposeProvider(runner, platform, env);
  if (check.ok) return `Engine: ${describeEngine(check.engine)} (${check.provider.name}${check.provider.version === '' ? '' : ` ${check.provider.version}`})\n`;
  return `Engine: not reachable: ${check.message}\n  ${check.hint}\n`;
}
