/** Where tovrun's own shipped files live, whether run from dist/ or from a test importing src/. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding tovrun's package.json, templates/ and infra/. */
export const packageRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The absolute path of a file shipped in templates/. */
export function templatePath(...segments: string[]): string {
  return path.join(packageRoot, 'templates', ...segments);
}

/** The version of this tovrun, from its package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
