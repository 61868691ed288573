/** Loads the Workspace: finds the root, reads tovrun.yaml (optional), validates it, merges it over its preset. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Document } from 'yaml';
import { ConfigError, shortenLongWords } from '../errors.js';
import { mebibyte, type ReadText, readText } from '../files/read-text.js';
import { checkStateDir } from '../files/state-dir.js';
import { firstCollectionKeyLine, isCircular } from '../files/yaml-guards.js';
import { parseYaml } from '../files/yaml-parse.js';
import { templatePath } from '../paths.js';
import { type ConfigMemory, recallConfig, rememberConfig, tovrunIdentity } from './config-cache.js';
import { lineOf } from './config-line.js';
import { findWorkspaceRoot } from './find-root.js';
import { chooseInstanceRequest, type Instance, type InstanceAsked, instanceAsked } from './instance.js';
import { presetConfig, presetNames } from './presets.js';
import type { RawConfig } from './raw-config.js';
import { mergeRawConfigs, resolveWorkspace, workspaceStateDir } from './resolve.js';
import { type SchemaProblem, tovrunYamlProblems } from './schema.js';
import { keyPathText } from './service-name.js';
import type { Workspace } from './types.js';
import { worktreeInstance } from './worktree-instance.js';

/** Re-exported: the compose files use the same lookup. */
export { lineOf };

/** A schema problem in words; a very long key (`? AAAA…` can be any length) is shortened, not echoed whole. */
function problemMessage(problem: SchemaProblem): string {
  const key = keyPathText(problem.path) || '(top level)';
  return shortenLongWords(`${key}: found ${problem.found}, expected ${problem.expected}`);
}

/** The document as plain data; an unresolved or excessive alias (`*name`) is a ConfigError, not a crash. */
function toPlainValue(doc: Document, file: string): unknown {
  try {
    const value: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
    if (isCircular(value)) throw new Error('an alias (*name) is used inside its own anchor (&name)');
    return value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`tovrun.yaml cannot be read: ${reason}.`, {
      file,
      hint: 'Define each anchor (&name) before its alias (*name), or write the value out in full.',
      cause: error,
    });
  }
}

/** Parses and validates tovrun.yaml text; a ConfigError with file, line, key, found and expected otherwise. */
export function parseTovrunYaml(text: string, file: string): RawConfig {
  const { doc, counter, error } = parseYaml(text);
  if (error) {
    throw new ConfigError(`tovrun.yaml is not valid YAML: ${error.message}`, {
      file,
      line: error.line,
      hint: 'Fix the YAML syntax at that line (indentation, a missing colon or quote, a key written twice).',
    });
  }
  const collectionKey = firstCollectionKeyLine(doc, counter);
  if (collectionKey !== null) {
    throw new ConfigError('a key of tovrun.yaml is a list or a mapping; keys are plain names.', {
      file,
      line: collectionKey,
      hint: 'Write keys as plain words (services:, backend:, port:), without `?` or brackets.',
    });
  }
  const value = toPlainValue(doc, file);
  const problems = tovrunYamlProblems(value);
  const first = problems[0];
  if (first) {
    const line = lineOf(doc, counter, first.path, first.unknownKey !== undefined);
    const rest = problems
      .slice(1, 6)
      .map((problem) => `\n  also line ${lineOf(doc, counter, problem.path, problem.unknownKey !== undefined) ?? '?'}: ${problemMessage(problem)}`);
    throw new ConfigError(`${problemMessage(first)}.${rest.join('')}`, {
      file,
      ...(line === undefined ? {} : { line }),
      key: shortenLongWords(first.path.join('.')),
      hint: `See the schema at ${templatePath('tovrun.schema.json')} for every key tovrun.yaml accepts.`,
    });
  }
  return value as RawConfig;
}

/** Everything loadWorkspace needs from the outside; defaults to the real file system. */
export interface WorkspaceSource {
  exists(file: string): boolean;
  readText: ReadText;
}

/** The most tovrun reads of tovrun.yaml (1 MiB: a real one is a few KiB). */
export const tovrunYamlMaxBytes = mebibyte;

const realFiles: WorkspaceSource = { exists: existsSync, readText };

/** tovrun.yaml's text parsed, or recalled from an earlier run's parse of the same text (real files only). */
function readTovrunYaml(text: string, configPath: string, stateDir: string, source: WorkspaceSource, memory: ConfigMemory): RawConfig {
  if (source !== realFiles) return parseTovrunYaml(text, configPath);
  let tovrun: string;
  try {
    tovrun = tovrunIdentity();
  } catch {
    return parseTovrunYaml(text, configPath);
  }
  const recalled = recallConfig(stateDir, text, tovrun);
  if (recalled) return recalled;
  const config = parseTovrunYaml(text, configPath);
  if (memory === 'remember') rememberConfig(stateDir, text, tovrun, config);
  return config;
}

/** The instance asked for (--instance, TOVRUN_INSTANCE, then tovrun.yaml's instance:), auto resolved from the git worktree of root. */
function resolveInstance(asked: InstanceAsked, configured: RawConfig['instance'], root: string, memory: ConfigMemory): Instance {
  const { request, source } = chooseInstanceRequest(asked, configured);
  if (request !== 'auto') return { number: request, source, auto: false };
  return { number: worktreeInstance(root, memory === 'remember'), source, auto: true };
}

/**
 * The Workspace containing cwd, with tovrun.yaml (when present) merged over its preset. memory: whether this run keeps
 * state in .tovrun/ (`remember`: then tovrun.yaml's parse is remembered there, and a .tovrun that is a file or not
 * writable is a ConfigError up front) or only reads it (`recall`, the read-only doctor). asked: the instance the command
 * was asked for (--instance, TOVRUN_INSTANCE); without it, tovrun.yaml's instance:, else instance 0.
 */
export function loadWorkspace(cwd: string, source: WorkspaceSource = realFiles, memory: ConfigMemory = 'remember', asked: InstanceAsked = {}): Workspace {
  const root = findWorkspaceRoot(cwd, source.exists);
  if (memory === 'remember' && source === realFiles) checkStateDir(workspaceStateDir(root));
  const configPath = path.join(root, 'tovrun.yaml');
  const text = source.readText(configPath, { label: 'tovrun.yaml', maxBytes: tovrunYamlMaxBytes });
  const hasConfig = text !== undefined;
  const user = hasConfig ? readTovrunYaml(text, configPath, workspaceStateDir(root), source, memory) : {};
  const presetName = user.preset ?? 'tovplay';
  const preset = presetConfig(presetName, { exists: (relative) => source.exists(path.join(root, relative)) });
  if (!preset) {
    throw new ConfigError(`unknown preset "${presetName}"; expected one of ${presetNames.join(', ')}.`, { file: configPath, key: 'preset' });
  }
  const instance = resolveInstance(asked, user.instance, root, memory);
  return resolveWorkspace(root, mergeRawConfigs(preset, user), hasConfig ? configPath : null, presetName, instance);
}

/**
 * The Workspace a command works on: the one containing ctx.cwd, at the instance the command was asked for (its
 * --instance flag, else TOVRUN_INSTANCE, else tovrun.yaml's instance:), so no command can forget the instance.
 */
export function loadCommandWorkspace(
  ctx: { cwd: string; instance?: string | undefined; env: NodeJS.ProcessEnv },
  memory: ConfigMemory = 'remember',
): Workspace {
  return loadWorkspace(ctx.cwd, realFiles, memory, instanceAsked(ctx));
}
