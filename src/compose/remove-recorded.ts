/** `tovrun down` for compose: remove the containers recorded in compose.json and the project's unused networks (named volumes stay). */
import { existsSync } from 'node:fs';
import { sleep } from '../os/delay.js';
import type { Host } from '../os/host.js';
import { isProcessAlive } from '../os/process-table.js';
import type { CommandRunner } from '../os/system-runner.js';
import { ComposeClient } from './client.js';
import { removeMountVolumes } from './deliver-mounts.js';
import { checkComposeProvider } from './engine.js';
import { composeEnvironment } from './environment.js';
import { composeSubcommands } from './invocation.js';
import { liveComposeOwner } from './ownership.js';
import { readComposeState, recordedEngineEnv, removeComposeState } from './state.js';

/** What removal needs from the outside. */
export interface RemoveRecordedOptions {
  runner: CommandRunner;
  host: Host;
  processEnv: NodeJS.ProcessEnv;
  /** The .env values as compose reads them (for providers without --env-file). */
  dotEnv: Readonly<Record<string, string>>;
  shutdownTimeoutMs: number;
  mask: (text: string) => string;
}

/** What happened: lines for the user, and whether anything was recorded at all. */
export interface RemoveRecordedReport {
  lines: string[];
  recorded: boolean;
}

async function stopLiveOwner(options: RemoveRecordedOptions, pid: number): Promise<void> {
  options.host.signal(pid, 'SIGTERM');
  // The owner stops its own containers before it exits: give it the compose stop timeout and some.
  const deadline = options.host.now() + options.shutdownTimeoutMs + 60_000;
  while (options.host.now() < deadline && (await isProcessAlive(options.host, pid))) await sleep(50);
}

/** Stops a tovrun still using the services, then stops and removes every recorded container; keeps the record when it cannot. */
export async function removeRecordedCompose(stateDir: string, options: RemoveRecordedOptions): Promise<RemoveRecordedReport> {
  const state = readComposeState(stateDir);
  if (!state || state.services.length === 0) {
    removeComposeState(stateDir);
    return { lines: [], recorded: false };
  }
  const lines: string[] = [];
  const owner = await liveComposeOwner(options.host, state);
  if (owner !== null && !owner.proven) {
    // Removing the containers under a tovrun that may still use them would break it; signalling a process that may not
    // be tovrun is worse. Neither happens: the record stays for a later `tovrun down`.
    lines.push(
      `left pid ${owner.pid} alone: could not prove it is the tovrun using the compose services (its start time is unknown or differs); stop ` +
        `it with Ctrl-C in its terminal, then run \`tovrun down\` again\n`,
    );
    return { lines, recorded: true };
  }
  if (owner !== null) {
    await stopLiveOwner(options, owner.pid);
    lines.push(`stopped the tovrun still running here (pid ${owner.pid})\n`);
  }
  const names = state.services.join(', ');
  // The engine the containers live on (recorded at start), whatever DOCKER_HOST or the docker context says now.
  const engineEnv = state.engine === undefined ? {} : recordedEngineEnv(state.engine);
  const check = await checkComposeProvider(options.runner, options.host.platform, { ...options.processEnv, ...engineEnv });
  if (!check.ok) {
    lines.push(`tovrun: cannot remove the compose services ${names} (project ${state.project.name}): ${check.message}\n  ${check.hint}\n`);
    return { lines, recorded: true };
  }
  const { provider } = check;
  const project = { ...state.project, envFile: state.project.envFile !== null && existsSync(state.project.envFile) ? state.project.envFile : null };
  const client = new ComposeClient(
    provider,
    project,
    options.runner,
    composeEnvironment(provider, options.processEnv, options.dotEnv, {}, engineEnv),
    options.mask,
  );
  try {
    await client.compose(`stopping ${names}`, composeSubcommands.stop(state.services, options.shutdownTimeoutMs / 1000), 120_000);
    await client.compose(`removing ${names}`, composeSubcommands.rm(state.services), 120_000);
    await client.removeUnusedNetworks();
    await removeMountVolumes(client);
  } catch (error) {
    lines.push(`tovrun: ${error instanceof Error ? error.message : String(error)}\n`);
    return { lines, recorded: true };
  }
  removeComposeState(stateDir);
  const where = state.engine === undefined ? '' : ` on ${state.engine.url}`;
  lines.push(`removed the compose services ${names} (project ${state.project.name}${where}; named volumes kept)\n`);
  return { lines, recorded: true };
}
