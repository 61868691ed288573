/**
 * npm's configuration as tovrun can read it without spawning npm (slow): the project, user and global npmrc files and
 * the npm_config_* variables, each setting named with where it comes from.
 */

import type { CheckFiles } from '../files/read-only-files.js';
import { envValue } from '../platform/env-keys.js';
import type { Platform } from '../platform/platform.js';

/** Where a setting was found: an npmrc file and line, or an environment variable. */
export type NpmSettingSource = { file: string; line: number } | { variable: string };

/** One npm setting: its key normalised (lower case, `-` not `_`, no `[]`), its value, and its source. */
export interface NpmSetting {
  key: string;
  value: string;
  source: NpmSettingSource;
}

/** Where npm looks for its configuration, relative to a package folder. */
export interface NpmrcContext {
  /** The folder holding package.json (the project). */
  packageDir: string;
  /** The workspace root (its .npmrc is read too). */
  root: string;
  env: NodeJS.ProcessEnv;
  platform: Platform;
  homeDir: string;
  /** The Node executable; npm's default global prefix derives from it. */
  nodePath: string;
}

/** The npmrc files npm reads, project first: project (package folder and workspace root), user, global. */
export function npmrcFiles(context: NpmrcContext): string[] {
  const { platform, env } = context;
  const join = platform.path.join;
  const user = envValue(env, 'npm_config_userconfig', platform) ?? envValue(env, 'NPM_CONFIG_USERCONFIG', platform) ?? join(context.homeDir, '.npmrc');
  const prefix =
    envValue(env, 'npm_config_prefix', platform) ??
    envValue(env, 'NPM_CONFIG_PREFIX', platform) ??
    envValue(env, 'PREFIX', platform) ??
    (platform.isWindows ? platform.path.dirname(context.nodePath) : platform.path.dirname(platform.path.dirname(context.nodePath)));
  const global = envValue(env, 'npm_config_globalconfig', platform) ?? envValue(env, 'NPM_CONFIG_GLOBALCONFIG', platform) ?? join(prefix, 'etc', 'npmrc');
  return [...new Set([join(context.packageDir, '.npmrc'), join(context.root, '.npmrc'), user, global])];
}

/** Normalises a key the way npm does: lower case, underscores as dashes, an array's `[]` dropped. */
function normalizeKey(key: string): string {
  return key.trim().replace(/\[\]$/, '').toLowerCase().replaceAll('_', '-');
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return /^(["']).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

/** The `key = value` lines of npmrc text with their line numbers (comments starting with ; or # skipped). */
export function parseNpmrc(text: string, file: string): NpmSetting[] {
  return text.split(/\r?\n/).flatMap((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return [];
    const equals = line.indexOf('=');
    const key = normalizeKey(equals < 0 ? line : line.slice(0, equals));
    const value = equals < 0 ? 'true' : unquote(line.slice(equals + 1));
    return key === '' ? [] : [{ key, value, source: { file, line: index + 1 } }];
  });
}

/** The npm_config_* variables (npm reads them whatever their case) as settings. */
export function environmentNpmSettings(env: NodeJS.ProcessEnv): NpmSetting[] {
  return Object.entries(env).flatMap(([name, value]) => {
    const match = /^npm_config_(.+)$/i.exec(name);
    return match?.[1] && value !== undefined ? [{ key: normalizeKey(match[1]), value, source: { variable: name } }] : [];
  });
}

/** Every setting npm would see for a package folder: environment variables first, then the files in npm's order. */
export function readNpmSettings(context: NpmrcContext, files: CheckFiles): NpmSetting[] {
  const fromFiles = npmrcFiles(context).flatMap((file) => {
    const text = files.readText(file);
    return text === undefined ? [] : parseNpmrc(text, file);
  });
  return [...environmentNpmSettings(context.env), ...fromFiles];
}

/** A setting (or NODE_ENV) that makes npm leave out devDependencies, Vite among them. */
export interface DevDroppingSetting {
  /** As the user wrote it: `omit=dev`, `NODE_ENV=production`. */
  written: string;
  source: NpmSettingSource;
}

const truthy = (value: string) => value.toLowerCase() === 'true';

/** Whether one setting drops devDependencies: omit includes dev, production=true, or only=prod(uction). */
function dropsDev(setting: NpmSetting): boolean {
  if (setting.key === 'omit') return setting.value.split(/[\s,]+/).includes('dev');
  if (setting.key === 'production') return truthy(setting.value);
  if (setting.key === 'only') return /^prod(uction)?$/i.test(setting.value);
  return false;
}

/** The settings that make a plain `npm install` or `npm ci` skip devDependencies, each with its source. */
export function devDroppingSettings(settings: readonly NpmSetting[], env: NodeJS.ProcessEnv): DevDroppingSetting[] {
  const nodeEnv = Object.entries(env).find(([name, value]) => name.toUpperCase() === 'NODE_ENV' && value === 'production');
  const fromNodeEnv: DevDroppingSetting[] = nodeEnv ? [{ written: `${nodeEnv[0]}=production`, source: { variable: nodeEnv[0] } }] : [];
  const fromSettings = settings.filter(dropsDev).map((setting) => ({
    written: 'variable' in setting.source ? `${setting.source.variable}=${setting.value}` : `${setting.key}=${setting.value}`,
    source: setting.source,
  }));
  return [...fromNodeEnv, ...fromSettings];
}

/** The setting turning off node_modules/.bin links when it is the one npm uses (the first by precedence), or undefined. */
export function binLinksOff(settings: readonly NpmSetting[]): NpmSetting | undefined {
  const effective = settings.find((setting) => setting.key === 'bin-links');
  return effective && effective.value.toLowerCase() === 'false' ? effective : undefined;
}
