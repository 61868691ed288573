// Temporary TovPlay workspaces for env tests, and the expectation header of fixture .env files.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where the real .env.template is). */
export const repositoryRoot = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** test/fixtures/env. */
export const envFixtures = path.join(repositoryRoot, 'test', 'fixtures', 'env');

/** A fresh workspace folder holding the given files (text, or a Buffer for exact bytes). */
export function tempWorkspace(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tovrun-env-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(root, name), content);
  return root;
}

/** Temporary workspaces: make() creates one holding files (as tempWorkspace), removeAll() removes every one made (call it in afterAll). */
export function tempWorkspaces(): { make: (files: Record<string, string | Buffer>) => string; removeAll: () => void } {
  const made: string[] = [];
  return {
    make: (files) => {
      const root = tempWorkspace(files);
      made.push(root);
      return root;
    },
    removeAll: () => {
      for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A workspace with a fixture's template and the given fixture file copied in as .env. */
export function fixtureWorkspace(templateFile: string, envFile: string): string {
  const root = tempWorkspace({});
  copyFileSync(templateFile, path.join(root, '.env.template'));
  copyFileSync(envFile, path.join(root, '.env'));
  return root;
}

/** What a fixture's first line promises: `# expect [warn] env/<rule> [line N]`. */
export interface FixtureExpectation {
  rule: string;
  status: 'error' | 'warn';
  line: number | null;
}

/** Reads the expectation header of a fixture .env (UTF-8, UTF-8 with BOM or UTF-16 with BOM). */
export function fixtureExpectation(file: string): FixtureExpectation {
  const bytes = readFileSync(file);
  const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8').replace(/^\uFEFF/, '');
  const match = /^# expect (warn )?(env\/[a-z-]+)(?: line (\d+))?/.exec(text);
  if (!match?.[2]) throw new Error(`${file} has no "# expect" header`);
  return { rule: match[2], status: match[1] ? 'warn' : 'error', line: match[3] ? Number(match[3]) : null };
}
