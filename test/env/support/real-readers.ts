// The real readers of a .env, run for measuring: python-dotenv in the shared test venv, and Vite's own loadEnv.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnv } from 'vite';
import { venvPython } from '../../support/shared-venv.js';

/** Folder of the reader fixtures. */
export const readerFixtures = fileURLToPath(new URL('../../fixtures/env/readers', import.meta.url));

/** Names of every reader fixture file. */
export function readerFixtureNames(): string[] {
  return readdirSync(readerFixtures)
    .filter((name) => name.endsWith('.env'))
    .sort();
}

const dumpScript = [
  'import json, sys',
  'from dotenv import dotenv_values',
  'print(json.dumps({p: dotenv_values(p, encoding="utf-8") for p in sys.argv[1:]}))',
].join('\n');

/** dotenv_values() of each file, by path, from the real python-dotenv (null for a key without "="). */
export function pythonDotenvValues(venv: string, files: string[]): Record<string, Record<string, string | null>> {
  const output = execFileSync(venvPython(venv), ['-c', dumpScript, ...files], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(output) as Record<string, Record<string, string | null>>;
}

/** What Vite's real loadEnv returns for a file (every prefix), limited to keys the fixtures define (they contain TVR_). */
export function viteLoadEnvValues(file: string): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-vite-'));
  copyFileSync(file, path.join(dir, '.env'));
  const all = loadEnv('development', dir, '');
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.includes('TVR_')));
}
