/** The values services get from the workspace's .env (as Flask's python-dotenv reads it) and which are secret. */
import type { Workspace } from '../workspace/types.js';
import { continuationSecrets, secretContinuations } from './continuations.js';
import { readEnvText, readTemplateTextIfPresent } from './files.js';
import { maskerForSecrets, secretStrings } from './mask.js';
import { parseEnv } from './parse.js';
import { readAsFlask } from './readers/flask.js';
import type { Environment } from './readers/types.js';
import { collectSecretKeys } from './secret-keys.js';
import { parseEnvTemplate } from './template.js';

/** Resolved .env values and the keys whose values must never be shown. */
export interface EnvValues {
  values: Record<string, string>;
  secretKeys: string[];
  /** False when the workspace has no .env (values is then empty). */
  found: boolean;
  /** The text of lines continuing a secret's value (an unquoted PEM body): no reader gets it, yet it is as secret. */
  hidden: string[];
}

/** Values of .env text with python-dotenv's semantics; `${NAME}` not defined above falls back to environment. */
export function resolveEnvValues(text: string, environment: Environment = {}): Map<string, string> {
  return readAsFlask(parseEnv(text), environment).values;
}

/** Loads the workspace's .env: values (keys without a value left out) and secret keys (template, names, credentials). */
export function loadEnvValues(workspace: Workspace, environment: Environment = {}): EnvValues {
  const text = readEnvText(workspace);
  const parsed = parseEnv(text ?? '');
  const values = readAsFlask(parsed, environment).values;
  const templateText = readTemplateTextIfPresent(workspace);
  const schema = templateText === undefined ? null : parseEnvTemplate(templateText, workspace.envTemplateFile);
  const secretKeys = collectSecretKeys(schema, values);
  const hidden = continuationSecrets(secretContinuations(parsed, secretKeys));
  return { values: Object.fromEntries(values), secretKeys: [...secretKeys].sort(), found: text !== undefined, hidden };
}

/** A masker for everything the workspace's .env holds secret, for relaying service output. */
export function workspaceSecretMasker(workspace: Workspace): (text: string) => string {
  const { values, secretKeys, hidden } = loadEnvValues(workspace);
  return maskerForSecrets([...secretStrings(values, secretKeys), ...hidden]);
}
