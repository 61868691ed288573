// Global setup for the compose engine tests: is there a Docker engine with compose and a static busybox to build images from?
// Under CI=true it installs Debian's docker.io, docker-compose and busybox-static when missing and starts dockerd.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';

/** Whether the engine tests can run, and why not. */
export interface EngineAvailability {
  available: boolean;
  /** Why they cannot (shown as the skip reason); empty when available. */
  reason: string;
}

/** The static busybox the test image is built from (Debian's busybox-static). */
export const staticBusybox = '/bin/busybox';
const dockerdLog = '/tmp/tovrun-test-dockerd.log';

function succeeds(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 }).status === 0;
}

const engineAnswers = () => succeeds('docker', ['info']);
const composeInstalled = () => succeeds('docker', ['compose', 'version']) || succeeds('docker-compose', ['version']);
const busyboxIsStatic = () =>
  existsSync(staticBusybox) &&
  /install ok installed/.test(spawnSync('dpkg-query', ['-W', '-f=${Status}', 'busybox-static'], { encoding: 'utf8' }).stdout ?? '');

/** What is missing for the engine tests, in words; empty when nothing is. */
function missing(): string[] {
  const gaps: string[] = [];
  if (!engineAnswers()) gaps.push('no Docker engine answers `docker info`');
  if (!composeInstalled()) gaps.push('neither `docker compose` nor docker-compose is installed');
  if (!busyboxIsStatic()) gaps.push("Debian's busybox-static is not installed");
  return gaps;
}

/** Installs the Debian packages the engine tests need that are missing (and extra ones), non-interactively. */
export function installEnginePackages(extra: readonly string[] = []): void {
  const wanted = [
    ...extra,
    // The daemon, not the client: some machine images ship a docker client without dockerd.
    ...(succeeds('dockerd', ['--version']) ? [] : ['docker.io']),
    ...(composeInstalled() ? [] : ['docker-compose']),
    ...(busyboxIsStatic() ? [] : ['busybox-static']),
  ];
  if (wanted.length === 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...wanted], { stdio: 'inherit', env });
}

/** Starts dockerd in the background (its log in /tmp) and waits up to a minute for `docker info`. */
function startDockerd(): void {
  const log = openSync(dockerdLog, 'a');
  const daemon = spawn('dockerd', [], { detached: true, stdio: ['ignore', log, log] });
  daemon.on('error', () => undefined); // a missing dockerd shows as `docker info` still failing below
  daemon.unref();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !engineAnswers()) spawnSync('sleep', ['1']);
}

/** Checks (and under CI=true provides) an engine for the compose tests; never throws. */
export function ensureEngine(): EngineAvailability {
  if (missing().length === 0) return { available: true, reason: '' };
  if (process.env.CI !== 'true')
    return { available: false, reason: `${missing().join('; ')} (outside CI the engine tests are skipped; under CI=true tovrun's test setup installs them)` };
  try {
    installEnginePackages();
    if (!engineAnswers()) startDockerd();
  } catch (error) {
    return { available: false, reason: `could not install or start the engine: ${error instanceof Error ? error.message : String(error)}` };
  }
  const gaps = missing();
  return gaps.length === 0 ? { available: true, reason: '' } : { available: false, reason: `${gaps.join('; ')} (see ${dockerdLog})` };
}
