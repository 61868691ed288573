/** npm: an environment and arguments that always install devDependencies, the tool versions, and `npm install`. */
import { asRecord } from '../files/json-state.js';
import type { CommandRunner } from '../os/system-runner.js';
import { npmCommand } from '../platform/npm-command.js';
import type { Platform } from '../platform/platform.js';
import { hintFor, npmHints } from './hints.js';
import { installedNpmVersion, type NpmInstallFiles, pathNodeVersionIfRunning } from './npm-version.js';
import { InstallStepFailure, toolFailure } from './step-failure.js';

/** Variables that make npm drop devDependencies (npm reads npm_config_* in any case); removed from npm's environment. */
const devDroppingVariables = new Set(['node_env', 'npm_config_production', 'npm_config_omit', 'npm_config_only']);

/** baseEnv without NODE_ENV and the npm settings that omit devDependencies, whatever their case. */
export function npmEnvironment(baseEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(baseEnv).filter(([key]) => !devDroppingVariables.has(key.toLowerCase())));
}

/** A node service's npm options. */
export interface NpmOptions {
  legacyPeerDeps: boolean;
  ignoreScripts: boolean;
}

/** `npm install --include=dev` plus the service's options; --include=dev also beats omit=dev in any .npmrc. */
export function npmInstallArgs(options: NpmOptions): string[] {
  return [
    'install',
    '--include=dev',
    '--no-audit',
    '--no-fund',
    ...(options.legacyPeerDeps ? ['--legacy-peer-deps'] : []),
    ...(options.ignoreScripts ? ['--ignore-scripts'] : []),
  ];
}

/** Where and how npm runs. */
export interface NpmContext {
  platform: Platform;
  runner: CommandRunner;
  cwd: string;
  /** Already passed through npmEnvironment. */
  env: NodeJS.ProcessEnv;
  onLine?: (line: string) => void;
  /** How node and npm are found on disk to read their versions without running them (the real file system by default). */
  files?: NpmInstallFiles;
}

const nodeMissingHint = 'Install Node.js 20.19 or newer (npm comes with it) from https://nodejs.org/ or your version manager, then run `tovrun install` again.';

/** The versions of the node and npm on PATH, which the install depends on (npm's read from its package.json when possible). */
export async function npmToolVersions(npm: NpmContext): Promise<{ node: string; npm: string }> {
  const knownNpm = installedNpmVersion(npm.env, npm.platform, npm.files);
  const knownNode = pathNodeVersionIfRunning(npm.env, npm.platform, npm.files);
  const [node, npmVersion] = await Promise.all([
    knownNode === undefined ? npm.runner('node', ['--version'], { cwd: npm.cwd, env: npm.env }) : undefined,
    knownNpm === undefined ? npm.runner(npmCommand(npm.platform), ['--version'], { cwd: npm.cwd, env: npm.env }) : undefined,
  ]);
  if (node && node.exitCode !== 0) throw toolFailure('`node --version`', node, nodeMissingHint);
  if (npmVersion && npmVersion.exitCode !== 0) throw toolFailure('`npm --version`', npmVersion, nodeMissingHint);
  return { node: knownNode ?? lastLine(node?.output ?? ''), npm: knownNpm ?? lastLine(npmVersion?.output ?? '') };
}

/** Runs npm install; an InstallStepFailure with the output's tail and a hint (ERESOLVE → legacyPeerDeps) when it fails. */
export async function npmInstall(npm: NpmContext, options: NpmOptions, service: string): Promise<void> {
  const args = npmInstallArgs(options);
  const result = await npm.runner(npmCommand(npm.platform), args, { cwd: npm.cwd, env: npm.env, ...(npm.onLine ? { onLine: npm.onLine } : {}) });
  if (result.exitCode === 0) return;
  throw toolFailure(`npm ${args.slice(0, 2).join(' ')}`, result, hintFor(result.output, npmHints(service)));
}

/** Whether package.json declares any packages (only then does npm write node_modules/.package-lock.json). */
export function declaresPackages(packageJsonText: string, file: string): boolean {
  const hint = 'Fix package.json, then run `tovrun install` again.';
  let parsed: unknown;
  try {
    parsed = JSON.parse(packageJsonText);
  } catch (error) {
    throw new InstallStepFailure(`${file} is not valid JSON: ${(error as Error).message}`, { hint });
  }
  const manifest = asRecord(parsed);
  if (!manifest) throw new InstallStepFailure(`${file} is not a JSON object ({ ... }), which is what npm reads package.json as.`, { hint });
  const sections = ['dependencies', 'devDependencies', 'optionalDependencies'];
  return sections.some((section) => Object.keys((manifest[section] as Record<string, unknown> | undefined) ?? {}).length > 0);
}

function lastLine(output: string): string {
  return output.trim().split(/\r?\n/).pop()?.trim() ?? '';
}
