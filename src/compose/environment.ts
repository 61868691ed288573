/** The environment compose commands run with. */
import type { ComposeProvider } from './provider.js';

/**
 * tovrun's environment, with tovrun's own variables (PgBouncer's upstream) over it; below both, the .env values
 * when the provider cannot take --env-file (as compose does, the shell's values win over the file's). engineEnv (the
 * endpoint's DOCKER_HOST, from a docker context) sits over tovrun's environment, so every command reaches that engine.
 */
export function composeEnvironment(
  provider: ComposeProvider,
  processEnv: NodeJS.ProcessEnv,
  dotEnv: Readonly<Record<string, string>>,
  variables: Readonly<Record<string, string>>,
  engineEnv: Readonly<Record<string, string | undefined>> = {},
): NodeJS.ProcessEnv {
  return { ...(provider.envFileFlag ? {} : dotEnv), ...processEnv, ...engineEnv, ...variables };
}
