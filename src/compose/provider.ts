/** Which compose implementation is installed (docker compose, docker-compose, podman compose, podman-compose). */
import type { CommandRunner } from '../os/system-runner.js';
import { formatVersion, parseVersion } from '../text/version.js';

/** The container engine whose CLI inspects containers and follows their logs. */
export type EngineName = 'docker' | 'podman';

/** A compose implementation and how tovrun calls it. */
export interface ComposeProvider {
  /** As the user types it: "docker compose", "docker-compose", "podman compose" or "podman-compose". */
  name: string;
  /** The program, and the arguments that come before compose's own flags ("compose" for the plugins). */
  command: string;
  prefix: string[];
  engine: EngineName;
  /** The version it reported, e.g. "2.24.6" or "1.29.2"; "" when it printed none. */
  version: string;
  /** Whether it takes `--env-file` (Compose v2, docker-compose >= 1.25, podman-compose >= 1.0); else .env is passed as environment. */
  envFileFlag: boolean;
}

/** One way of calling compose, tried in order by detectComposeProvider. */
interface Candidate {
  name: string;
  command: string;
  prefix: string[];
  engine: EngineName;
  envFileFlag: (major: number, minor: number) => boolean;
}

/** The candidates in the order the issue asks: the v2 plugin, the standalone binary, then podman's two. */
const candidates: readonly Candidate[] = [
  { name: 'docker compose', command: 'docker', prefix: ['compose'], engine: 'docker', envFileFlag: () => true },
  {
    name: 'docker-compose',
    command: 'docker-compose',
    prefix: [],
    engine: 'docker',
    envFileFlag: (major, minor) => major >= 2 || (major === 1 && minor >= 25),
  },
  { name: 'podman compose', command: 'podman', prefix: ['compose'], engine: 'podman', envFileFlag: () => true },
  { name: 'podman-compose', command: 'podman-compose', prefix: [], engine: 'podman', envFileFlag: (major) => major >= 1 },
];

/** The `version` command of each candidate, for tests and messages. */
export function versionProbe(candidate: { command: string; prefix: string[] }): string[] {
  return [...candidate.prefix, 'version'];
}

/** The first installed compose provider (v2 plugin, docker-compose, podman compose, podman-compose), or null. */
export async function detectComposeProvider(runner: CommandRunner, env?: NodeJS.ProcessEnv): Promise<ComposeProvider | null> {
  for (const candidate of candidates) {
    const result = await runner(candidate.command, versionProbe(candidate), { timeoutMs: 20_000, ...(env === undefined ? {} : { env }) });
    if (result.exitCode !== 0) continue;
    const version = parseVersion(result.output, { dotted: true });
    return {
      name: candidate.name,
      command: candidate.command,
      prefix: candidate.prefix,
      engine: candidate.engine,
      version: version === undefined ? '' : formatVersion(version),
      envFileFlag: version === undefined ? candidate.name !== 'docker-compose' : candidate.envFileFlag(version[0] ?? 0, version[1] ?? 0),
    };
  }
  return null;
}
