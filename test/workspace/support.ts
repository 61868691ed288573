// Shared helpers for workspace tests: a temporary workspace from files and folders, and the ConfigError a call throws.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export { configError } from '../support/config-error.js';

/** A fresh workspace folder holding the given files (by relative path) and folders. */
export function workspaceDir(files: Record<string, string>, dirs: string[] = []): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tovrun-ws-'));
  for (const dir of dirs) mkdirSync(path.join(root, dir), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}

/** tovrun.yaml for the `none` preset with the given lines under `services:`. */
export function servicesYaml(lines: string[]): string {
  return `${['preset: none', 'services:', ...lines].join('\n')}\n`;
}
