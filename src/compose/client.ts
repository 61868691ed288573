/** Runs compose and engine commands for one project, with its environment; failures become ComposeCommandError. */
import type { CommandRunner, RunResult } from '../os/system-runner.js';
import type { ComposeProject } from '../plan/compose.js';
import { commandLineText } from '../plan/print-plan.js';
import { plainText } from '../text/ansi.js';
import { type ContainerState, parseStateLine } from './container-state.js';
import { ComposeCommandError } from './errors.js';
import { composeInvocation, engineInvocation, engineSubcommands } from './invocation.js';
import type { ComposeProvider } from './provider.js';

/** Output lines without colour codes and blank lines. */
export function outputLines(output: string): string[] {
  return output
    .split(/\r?\n/)
    .map((line) => plainText(line).trimEnd())
    .filter((line) => line.trim() !== '');
}

/** A compose project bound to a provider, a runner and the environment compose runs with. */
export class ComposeClient {
  constructor(
    readonly provider: ComposeProvider,
    readonly project: ComposeProject,
    private readonly runner: CommandRunner,
    /** The whole environment of compose and engine commands. */
    readonly env: NodeJS.ProcessEnv,
    private readonly mask: (text: string) => string,
  ) {}

  /** Runs a compose subcommand; a ComposeCommandError (what, command line, last output lines, masked) when it fails. */
  async compose(what: string, subcommand: readonly string[], timeoutMs = 600_000): Promise<RunResult> {
    const { command, args } = composeInvocation(this.provider, this.project, subcommand);
    const result = await this.runner(command, args, { env: this.env, timeoutMs });
    if (result.exitCode !== 0)
      throw new ComposeCommandError(what, this.mask(commandLineText(command, args)), outputLines(result.output).slice(-15).map(this.mask));
    return result;
  }

  /** Runs an engine subcommand (docker or podman); never throws. */
  engine(args: readonly string[], timeoutMs = 30_000): Promise<RunResult> {
    const { command, args: full } = engineInvocation(this.provider, args);
    return this.runner(command, full, { env: this.env, timeoutMs });
  }

  /** The ids of a service's containers (stopped ones too); [] when there are none or the engine did not answer. */
  async containerIds(service: string): Promise<string[]> {
    const result = await this.engine(engineSubcommands.containerIds(this.project.name, service));
    return result.exitCode === 0 ? outputLines(result.output).map((line) => line.trim()) : [];
  }

  /** The states of containers, in order; null when any of them is gone (inspect failed). */
  async states(ids: readonly string[]): Promise<ContainerState[] | null> {
    if (ids.length === 0) return [];
    const result = await this.engine(engineSubcommands.inspectState(ids));
    if (result.exitCode !== 0) return null;
    const states = outputLines(result.output).map(parseStateLine);
    return states.length === ids.length && states.every((state) => state !== null) ? (states as ContainerState[]) : null;
  }

  /** Removes the project's networks that nothing uses any more; never throws (a network in use simply stays). */
  async removeUnusedNetworks(): Promise<void> {
    const listed = await this.engine(engineSubcommands.networkIds(this.project.name));
    const ids = listed.exitCode === 0 ? outputLines(listed.output).map((line) => line.trim()) : [];
    if (ids.length > 0) await this.engine(engineSubcommands.removeNetworks(ids));
  }

  /** The last lines a service's containers printed (masked, plain), for error messages. */
  async lastLogLines(service: string, count = 20): Promise<string[]> {
    const lines: string[] = [];
    for (const id of await this.containerIds(service)) {
      const result = await this.engine(engineSubcommands.tailLogs(id, count));
      lines.push(...outputLines(result.output));
    }
    return lines.slice(-count).map(this.mask);
  }
}
