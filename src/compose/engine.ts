/** Whether compose can run at all: a provider installed and its engine answering, else a clear error before anything starts. */
import { FailedError } from '../errors.js';
import type { CommandRunner } from '../os/system-runner.js';
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

/** The problem when the provider's engine does not answer, or null when it runs. */
export async function engineProblem(
  runner: CommandRunner,
  provider: ComposeProvider,
  platform: NodeJS.Platform,
): Promise<{ message: string; hint: string } | null> {
  const result = await runner(provider.engine, engineInfoArgs(), { timeoutMs: 30_000 });
  if (result.exitCode === 0) return null;
  const name = provider.engine === 'docker' ? 'the Docker engine' : 'the podman engine';
  return {
    message: `${name} is not running (\`${provider.engine} info\` failed; ${provider.name} ${provider.version} is installed).`,
    hint: startEngineHint(provider.engine, platform, result.output),
  };
}

/** A usable provider, or why there is none (nothing installed, or its engine not running) with what to do. */
export type ProviderCheck = { ok: true; provider: ComposeProvider } | { ok: false; provider: ComposeProvider | null; message: string; hint: string };

/** Detects the provider and checks its engine answers; for the doctor, `up` and `down`. */
export async function checkComposeProvider(runner: CommandRunner, platform: NodeJS.Platform): Promise<ProviderCheck> {
  const provider = await detectComposeProvider(runner);
  if (!provider)
    return {
      ok: false,
      provider: null,
      message: 'none of docker compose, docker-compose, podman compose or podman-compose is installed.',
      hint: installHint(platform),
    };
  const problem = await engineProblem(runner, provider, platform);
  return problem ? { ok: false, provider, ...problem } : { ok: true, provider };
}

/** The installed provider with a running engine; a FailedError naming what to install or start otherwise. */
export async function requireComposeProvider(runner: CommandRunner, platform: NodeJS.Platform, purpose: string): Promise<ComposeProvider> {
  const check = await checkComposeProvider(runner, platform);
  if (!check.ok) throw new FailedError(`${purpose}, but ${check.message}`, check.hint);
  return check.provider;
}
