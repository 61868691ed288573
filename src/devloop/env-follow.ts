/** A .env edited while tovrun runs: checked as at start-up; when valid, the services whose environment changed restart. */
import type { ComposeVariables } from '../compose/dot-env.js';
import type { Invocation } from '../compose/invocation.js';
import type { RunResult } from '../os/command-runner.js';
import type { LaunchSpec } from '../plan/launch-spec.js';
import { composeServicesTouched, shownCommand } from './compose-changes.js';
import { changedKeys, envRestarts, listNames } from './env-changes.js';
import { type DevLoopOutput, type DevLoopSupervisor, followsChanges, restartService } from './output.js';

/** How the run's compose services follow the .env: read its variables again, and the command that recreates services. */
export interface ComposeFollow {
  file: string;
  /** The compose file's text now. */
  text(): string;
  /** The run's compose services. */
  services: readonly string[];
  envFile: string;
  /** The variables compose sees now (.env as compose reads it, the environment over it). */
  variables(): ComposeVariables;
  /** `compose up -d --force-recreate <names>` for the project. */
  recreateCommand(names: readonly string[]): Invocation;
  /** Runs it with compose's environment for these .env values. */
  run(invocation: Invocation, dotEnv: Record<string, string>): Promise<RunResult>;
  /** --recreate-compose: recreate them, instead of naming the command. */
  recreate: boolean;
}

/** What following the .env takes. */
export interface EnvFollowDeps {
  /** The .env's name as shown ("the .env"). */
  envName: string;
  /** The start-up check's report when the .env has an error now; null when it may be used. */
  checkEnv(): string | null;
  /** The run's launches planned again from the .env as it is now. */
  plan(): LaunchSpec[];
  /** The launches as started. */
  launches: readonly LaunchSpec[];
  /** Per service, whether it reads a key (see env-readers.ts); a service left out reads every key. */
  reads: ReadonlyMap<string, (key: string) => boolean>;
  supervisor: DevLoopSupervisor;
  output: DevLoopOutput;
  compose: ComposeFollow | null;
}

/** Follows one workspace's .env for one run. */
export class EnvFollower {
  private readonly current: Map<string, NodeJS.ProcessEnv>;
  private composeBefore: ComposeVariables | null;

  /** Starts from the environments the launches were started with. */
  constructor(private readonly deps: EnvFollowDeps) {
    this.current = new Map(deps.launches.map((launch) => [launch.name, launch.env]));
    this.composeBefore = deps.compose?.variables() ?? null;
  }

  /** The .env changed: check it, then restart the services whose environment changed (names of keys only, never values). */
  async changed(): Promise<void> {
    const { output, envName } = this.deps;
    const problems = this.deps.checkEnv();
    if (problems !== null) {
      output.say(`${problems}tovrun: ${envName} changed and has the errors above; nothing was restarted (the services keep the values they started with).\n`);
      return;
    }
    const restarts = envRestarts(this.current, this.deps.plan(), this.deps.reads);
    const composeSaid = await this.followCompose();
    if (restarts.length === 0 && !composeSaid) output.say(`tovrun: ${envName} changed; no service's environment changed, nothing was restarted.\n`);
    await Promise.all(
      restarts.map(async (restart) => {
        this.current.set(restart.service, restart.env);
        if (!followsChanges(this.deps.supervisor, restart.service)) {
          output.notice(restart.service, `${envName} changed (${listNames(restart.keys)}); not running now, so not restarted`);
          return;
        }
        await restartService(this.deps.supervisor, output, restart.service, { env: restart.env, reason: `${envName} changed: ${listNames(restart.keys)}` });
      }),
    );
  }

  /** Names (or recreates) the compose services whose variables changed; true when it said something. */
  private async followCompose(): Promise<boolean> {
    const compose = this.deps.compose;
    if (!compose || !this.composeBefore) return false;
    const before = this.composeBefore;
    const after = compose.variables();
    this.composeBefore = after;
    const keys = changedKeys(before.values, after.values);
    if (keys.length === 0) return false;
    const dotEnvChanged = changedKeys(before.dotEnv, after.dotEnv).length > 0;
    const names = composeServicesTouched(
      { text: compose.text(), file: compose.file, services: compose.services, envFile: compose.envFile },
      before.values,
      after.values,
      dotEnvChanged,
    );
    if (names.length === 0) return false;
    const invocation = compose.recreateCommand(names);
    const command = shownCommand(invocation.command, invocation.args);
    if (!compose.recreate) {
      this.deps.output.say(
        `tovrun: ${this.deps.envName} changed (${listNames(keys)}); the compose services ${names.join(', ')} use it and keep their old values until recreated:\n  ${command}\n  (or run tovrun with --recreate-compose to have it done)\n`,
      );
      return true;
    }
    for (const name of names) this.deps.output.notice(name, `${this.deps.envName} changed (${listNames(keys)}); recreating`);
    const result = await compose.run(invocation, after.dotEnv);
    if (result.exitCode === 0) {
      for (const name of names) this.deps.output.notice(name, 'recreated');
    } else {
      const tail = result.output.trimEnd().split('\n').slice(-10).join('\n  ');
      this.deps.output.say(`tovrun: recreating ${names.join(', ')} failed (${command}):\n  ${tail}\n`);
    }
    return true;
  }
}
