/**
 * Which .env keys a service reads: a Vite dev server gives the page only the keys with its env prefix (VITE_) and its
 * config file reads what it names (process.env.BACKEND_PORT), so a Vite service restarts only when one of those
 * changed (https://vite.dev/guide/env-and-mode: "only variables prefixed with VITE_ are exposed"); every other
 * service may read any key and restarts on any change.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { mebibyte, readText } from '../files/read-text.js';
import type { ServiceSpec } from '../workspace/types.js';
import { ownReloader } from '../workspace/watch-rules.js';

/** Vite's default envPrefix. */
export const viteEnvPrefix = 'VITE_';

/** The text of the Vite config files in dir (vite.config.js, .ts, .mjs…), joined; empty when there is none. */
function viteConfigText(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^vite\.config\.[cm]?[jt]s$/.test(name));
  } catch {
    return '';
  }
  return names.map((name) => readText(path.join(dir, name), { label: name, maxBytes: mebibyte }) ?? '').join('\n');
}

/** Whether a key named in text as a whole word (process.env.KEY, env.KEY, env['KEY']). */
function namedIn(text: string, key: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_$])${key.replace(/[$]/g, '\\$')}($|[^A-Za-z0-9_$])`).test(text);
}

/** Whether a change to the key concerns the service: always, but for a Vite service only its prefix's keys and those its config names. */
export function readsKey(service: ServiceSpec): (key: string) => boolean {
  if (ownReloader(service.command) !== 'Vite') return () => true;
  const config = viteConfigText(service.dir);
  return (key) => key.startsWith(viteEnvPrefix) || namedIn(config, key);
}
