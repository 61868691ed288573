/** `compose config -q` for the default profile and each named profile: compose's own verdict, when a provider is present. */
import type { CommandRunner } from '../os/system-runner.js';
import type { ComposeProject } from '../plan/compose.js';
import { plainText } from '../text/ansi.js';
import { composeInvocation, composeSubcommands } from './invocation.js';
import { type ComposeProblem, composeProblem } from './problems.js';
import type { ComposeProvider } from './provider.js';

/** What composeConfigProblems needs besides the provider. */
export interface ConfigCheckInput {
  /** The project (its profiles are ignored: each profile is checked on its own). */
  project: ComposeProject;
  /** Profiles to check one by one, after the default profile. */
  profiles: readonly string[];
  /** The file's name as the report shows it. */
  displayFile: string;
  /** Environment of the compose process (the .env values when the provider has no --env-file). */
  env: NodeJS.ProcessEnv;
  /** Hides secrets in compose's messages. */
  mask: (text: string) => string;
}

/** Compose's complaint in a few lines (ANSI removed, blank lines dropped). */
function summarise(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => plainText(line).trim())
    .filter((line) => line !== '');
  return lines.slice(0, 4).join(' / ') || '(it printed nothing)';
}

/** One error per profile compose refuses (`<provider> --profile X config -q`), in order; empty when all pass. */
export async function composeConfigProblems(runner: CommandRunner, provider: ComposeProvider, input: ConfigCheckInput): Promise<ComposeProblem[]> {
  const problems: ComposeProblem[] = [];
  for (const profile of [null, ...input.profiles]) {
    const project = { ...input.project, profiles: profile === null ? [] : [profile] };
    const { command, args } = composeInvocation(provider, project, composeSubcommands.configQuiet());
    const result = await runner(command, args, { env: input.env, timeoutMs: 60_000 });
    if (result.exitCode === 0) continue;
    const which = profile === null ? 'the default profile' : `profile ${profile}`;
    const shown = [provider.name, ...(profile === null ? [] : ['--profile', profile]), 'config', '-q'].join(' ');
    problems.push(
      composeProblem(
        'compose/config',
        'error',
        input.mask(`${shown} refuses ${which}: ${summarise(result.output)}`),
        { file: input.displayFile, line: null },
        "Run that command in the workspace to see compose's whole message.",
      ),
    );
  }
  return problems;
}
