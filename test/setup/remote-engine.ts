// A second real dockerd standing in for a remote Docker host, for test/e2e/remote-engine.test.ts: its own network
// namespace (a veth pair, tcp on the namespace's address, no TLS), its own mount namespace in which the temporary
// folder and the folder holding this checkout are empty tmpfs (so no workspace path resolves there), and its own data
// root, exec root, pidfile and containerd namespace. Under CI=true it installs what is missing; elsewhere it skips.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../support/processes.js';
import { installEnginePackages, staticBusybox } from './engine.js';

/** The namespace, veth and folder names: fixed, so a run finds and removes what a crashed earlier run left. */
const netns = 'tovrun-remote';
const hostVeth = 'tvr-host';
const nsVeth = 'tvr-remote';
/** The namespace's link (10.213.37.0/24) and the remote engine's own bridge and pools, apart from docker0's 172.17/16. */
const hostAddress = '10.213.37.1';
const remoteAddress = '10.213.37.2';
const bridgeIp = '10.213.38.1/24';
const addressPool = 'base=10.213.64.0/18,size=24';
const dataRoot = '/var/lib/tovrun-test-remote-docker';
const execRoot = '/run/tovrun-test-remote-docker';
const pidFile = '/run/tovrun-test-remote-docker.pid';
const logFile = '/tmp/tovrun-test-remote-dockerd.log';
/** sshd's keys, config and pidfile, and the client's HOME (outside the folders hidden from the remote). */
const sshDir = '/run/tovrun-test-remote-ssh';

/** A started remote engine, or why there is none. */
export type RemoteEngine =
  | {
      available: true;
      reason: '';
      host: string;
      address: string;
      docker: (args: string[]) => string;
      stop: () => void;
      /**
       * ssh://root@<address>, and the environment that logs in with the set-up's key: an `ssh` first on PATH that reads
       * its config (OpenSSH takes ~ from the password file, not HOME), and HOME for paramiko; null without openssh-server.
       */
      ssh: { host: string; env: Record<string, string> } | null;
    }
  | { available: false; reason: string };

const quiet = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 }).status === 0;

/** What is missing to start the remote engine, in words; empty when nothing is (cheap: for deciding to skip at collection). */
export function missing(): string[] {
  const gaps: string[] = [];
  if (process.getuid?.() !== 0) gaps.push('starting a second dockerd in a network namespace needs root');
  for (const tool of ['dockerd', 'docker', 'ip', 'nsenter', 'unshare'])
    if (!quiet('sh', ['-c', `command -v ${tool}`])) gaps.push(`\`${tool}\` is not installed`);
  if (!quiet('docker-compose', ['version']) && !quiet('docker', ['compose', 'version'])) gaps.push('no compose CLI is installed');
  if (!existsSync(staticBusybox)) gaps.push("Debian's busybox-static is not installed");
  return gaps;
}

/** Stops a dockerd left by an earlier run (its pidfile), and removes the namespace, the veth and the data root. */
function removeLeftovers(): void {
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0;
  if (pid > 1) {
    try {
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 100 && alive(pid); i++) spawnSync('sleep', ['0.2']);
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(pidFile, { force: true });
  const sshPid = existsSync(path.join(sshDir, 'sshd.pid')) ? Number(readFileSync(path.join(sshDir, 'sshd.pid'), 'utf8').trim()) : 0;
  if (sshPid > 1 && alive(sshPid)) process.kill(sshPid, 'SIGTERM');
  rmSync(sshDir, { recursive: true, force: true });
  quiet('ip', ['netns', 'del', netns]);
  quiet('ip', ['link', 'del', hostVeth]);
  // The daemon's overlay mounts lived in its own mount namespace, gone with it: the folders are plain files now.
  rmSync(dataRoot, { recursive: true, force: true });
  rmSync(execRoot, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function network(): void {
  const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
  ip('netns', 'add', netns);
  ip('link', 'add', hostVeth, 'type', 'veth', 'peer', 'name', nsVeth);
  ip('link', 'set', nsVeth, 'netns', netns);
  ip('addr', 'add', `${hostAddress}/24`, 'dev', hostVeth);
  ip('link', 'set', hostVeth, 'up');
  ip('-n', netns, 'addr', 'add', `${remoteAddress}/24`, 'dev', nsVeth);
  ip('-n', netns, 'link', 'set', nsVeth, 'up');
  ip('-n', netns, 'link', 'set', 'lo', 'up');
}

/** The folders hidden from the remote engine: the temporary folder and the one holding this checkout (one of them when it holds the other). */
export function hiddenFolders(): string[] {
  const checkout = path.resolve(repoRoot);
  const holder = path.dirname(checkout) === path.parse(checkout).root ? checkout : path.dirname(checkout);
  const folders = [...new Set([path.resolve(tmpdir()), holder])].filter((folder) => folder !== '/');
  // A folder inside another is hidden with it (and, once the outer tmpfs is mounted, there is no mount point for it).
  return folders.filter((folder) => !folders.some((other) => other !== folder && folder.startsWith(`${other}${path.sep}`)));
}

/** Writes sshd's config and keys and the client's HOME; the command that starts sshd there, or '' without openssh-server. */
function sshSetup(): string {
  if (!existsSync('/usr/sbin/sshd') || !quiet('sh', ['-c', 'command -v ssh-keygen'])) return '';
  const home = path.join(sshDir, 'home');
  mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(sshDir, 'host_key')]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(home, '.ssh', 'id_ed25519')]);
  writeFileSync(path.join(sshDir, 'authorized_keys'), readFileSync(path.join(home, '.ssh', 'id_ed25519.pub')));
  writeFileSync(
    path.join(sshDir, 'sshd_config'),
    [
      `ListenAddress ${remoteAddress}`,
      `HostKey ${path.join(sshDir, 'host_key')}`,
      `PidFile ${path.join(sshDir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(sshDir, 'authorized_keys')}`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      // `docker system dial-stdio` on this "host" reaches its own engine.
      `SetEnv DOCKER_HOST=tcp://${remoteAddress}:2375`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(home, '.ssh', 'config'),
    `Host ${remoteAddress}\n  User root\n  IdentityFile ${path.join(home, '.ssh', 'id_ed25519')}\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n`,
    { mode: 0o600 },
  );
  mkdirSync(path.join(sshDir, 'bin'));
  writeFileSync(path.join(sshDir, 'bin', 'ssh'), `#!/bin/sh\nexec /usr/bin/ssh -F ${path.join(home, '.ssh', 'config')} "$@"\n`, { mode: 0o755 });
  mkdirSync('/run/sshd', { recursive: true });
  return `nsenter --net=/run/netns/${netns} /usr/sbin/sshd -f ${path.join(sshDir, 'sshd_config')} && `;
}

function startDaemon(): void {
  mkdirSync(dataRoot, { recursive: true });
  const hide = hiddenFolders()
    .map((folder) => `mount -t tmpfs tovrun-hidden '${folder}'`)
    .join(' && ');
  const daemon = [
    'exec nsenter',
    `--net=/run/netns/${netns}`,
    'dockerd',
    `-H tcp://${remoteAddress}:2375 --tls=false`,
    `--data-root ${dataRoot} --exec-root ${execRoot} --pidfile ${pidFile}`,
    `--bip ${bridgeIp} --default-address-pool ${addressPool}`,
    '--containerd-namespace tovrun-remote --containerd-plugins-namespace tovrun-remote-plugins',
  ].join(' ');
  const log = openSync(logFile, 'w');
  // unshare --mount: a private mount namespace (propagation private by default), so the tmpfs hide only the daemon's view.
  // sshd runs in the same namespaces as the engine: an ssh login sees that host's files, not the workspace.
  const sshd = sshSetup();
  const child = spawn('unshare', ['--mount', 'sh', '-c', `${hide} && ${sshd}${daemon}`], { detached: true, stdio: ['ignore', log, log] });
  child.on('error', () => undefined);
  child.unref();
}

/** Builds the busybox test image on the remote engine (no registry is reachable). */
function buildImage(host: string, image: string, dockerfile: string): void {
  const context = mkdtempSync(path.join(tmpdir(), 'tovrun-remote-image-'));
  copyFileSync(dockerfile, path.join(context, 'Dockerfile'));
  copyFileSync(staticBusybox, path.join(context, 'busybox'));
  execFileSync('docker', ['-H', host, 'build', '-q', '-t', image, context], { stdio: 'pipe', timeout: 120_000 });
  rmSync(context, { recursive: true, force: true });
}

/** Starts the remote engine (removing an earlier run's leftovers first) and builds the test image on it; never throws. */
export function startRemoteEngine(image: string, dockerfile: string): RemoteEngine {
  // The ssh endpoint needs openssh-server (and paramiko for docker-compose v1); without them it is left out.
  const sshPackages = existsSync('/usr/sbin/sshd') ? [] : ['openssh-server', 'python3-paramiko'];
  if ((missing().length > 0 || sshPackages.length > 0) && process.env.CI === 'true') {
    try {
      installEnginePackages(['iproute2', 'util-linux', ...sshPackages]);
    } catch (error) {
      return { available: false, reason: `could not install the packages: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const gaps = missing();
  if (gaps.length > 0) return { available: false, reason: `${gaps.join('; ')} (outside CI the remote engine test is skipped; under CI=true it installs them)` };
  const host = `tcp://${remoteAddress}:2375`;
  const docker = (args: string[]) => execFileSync('docker', ['-H', host, ...args], { encoding: 'utf8', timeout: 60_000 }).trim();
  try {
    removeLeftovers();
    network();
    startDaemon();
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && !quiet('docker', ['-H', host, 'version'])) spawnSync('sleep', ['0.5']);
    if (!quiet('docker', ['-H', host, 'version'])) throw new Error(`the second dockerd did not answer on ${host} within 90 s (see ${logFile})`);
    buildImage(host, image, dockerfile);
  } catch (error) {
    removeLeftovers();
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const sshEnv = { HOME: path.join(sshDir, 'home'), PATH: `${path.join(sshDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` };
  const ssh = existsSync(path.join(sshDir, 'sshd.pid')) ? { host: `ssh://root@${remoteAddress}`, env: sshEnv } : null;
  return { available: true, reason: '', host, address: remoteAddress, docker, stop: removeLeftovers, ssh };
}
